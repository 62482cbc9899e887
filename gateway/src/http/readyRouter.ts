import express, { type Router } from 'express';
import type { ZoneServiceRegistry } from '@devzone/registry';
import type { ServiceHealthBoard, ServiceHealthReport, ServiceKind } from '@devzone/shard-router';
import type { ServedRegistryState } from '../registry/types';
import { PROVINCE_SUBGRAPH } from '../subgraphNames';

export interface ReadyRouterOptions {
  /** The supergraph manager: `supergraphSdl` is set once a supergraph is composed. */
  readonly composer: { readonly supergraphSdl: string | undefined };
  readonly health: ServiceHealthBoard;
  readonly registry: ZoneServiceRegistry;
  /** Registry mode: the registry state served (version, supergraph hash, where it was loaded from, how new ones are learned). */
  readonly registryState?: () => ServedRegistryState | undefined;
  /** @default '/ready' */
  readonly path?: string;
}

interface ServiceReadiness {
  readonly name: string;
  readonly kind: ServiceKind;
  readonly zoneIds?: readonly string[];
  readonly state: ServiceHealthReport['state'];
  readonly consecutiveFailures: number;
  readonly lastSuccessAt: string | null;
  readonly lastFailureAt: string | null;
}

const isoOrNull = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString());

/**
 * `GET /ready`: whether this gateway should receive traffic. Ready (200) when a
 * supergraph is composed (registry mode: served) and the province, which answers every
 * root field, is not behind an open breaker; 503 otherwise. Zone services are listed
 * with their state but do not make the gateway unready: a dead zone costs only its own
 * zones. In registry mode `registry` gives the version and supergraph hash served. No
 * URLs and no failure details: those are in the log.
 */
export function readyRouter({ composer, health, registry, registryState, path = '/ready' }: ReadyRouterOptions): Router {
  const router = express.Router();
  router.get(path, (_req, res) => {
    const describe = (kind: ServiceKind, name: string, zoneIds?: readonly string[]): ServiceReadiness => {
      const report = health.report(kind, name);
      return {
        name,
        kind,
        ...(zoneIds ? { zoneIds } : {}),
        state: report.state,
        consecutiveFailures: report.consecutiveFailures,
        lastSuccessAt: isoOrNull(report.lastSuccessAt),
        lastFailureAt: isoOrNull(report.lastFailureAt),
      };
    };
    const province = describe('province', PROVINCE_SUBGRAPH);
    const services = [province, ...registry.services().map(({ name, zoneIds }) => describe('zone', name, zoneIds))];
    const reasons: string[] = [];
    const composed = composer.supergraphSdl !== undefined;
    if (!composed) reasons.push('no supergraph is composed');
    if (province.state === 'open' || province.state === 'down') reasons.push(`the province service is ${province.state}`);
    const served = registryState?.();
    res.status(reasons.length === 0 ? 200 : 503).json({
      status: reasons.length === 0 ? 'ready' : 'not ready',
      reasons,
      supergraph: composed ? 'composed' : 'none',
      ...(registryState ? { registry: served ?? null } : {}),
      services,
    });
  });
  return router;
}
