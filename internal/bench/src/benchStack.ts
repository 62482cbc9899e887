import type { RunningProvinceService } from '@devzone/province';
import type { SigningKeys } from '@devzone/stack';
import type { RunningZoneService } from '@devzone/zone-subgraph';
import type { DelayProxy } from './delayProxy';
import { useGatewayCredential } from './graphqlClient';

/** A running system the suites measure: gateway, province, zone services (and proxies when delayed). */
export interface BenchStack {
  /** e.g. `synthetic 40 zones × 100 enterprises`. */
  label: string;
  gatewayUrl: string;
  zoneServices: readonly RunningZoneService[];
  province: RunningProvinceService;
  /** The run's service keys: asking a zone service directly needs a signed request. */
  signingKeys: SigningKeys;
  /** An administrator's `Authorization` value: the bench client sends it to this gateway. */
  credential: string;
  /** Delay proxies in front of the zone services, by service name; empty when not proxied. */
  proxies: ReadonlyMap<string, DelayProxy>;
  /** Every zone in the directory of this stack. */
  zoneIds: readonly string[];
  /** How long seeding the zone databases took (0 for the article seeds). */
  seedMs: number;
  stop(): Promise<void>;
}

/** What a started system gives a BenchStack: startStack's and startProxiedStack's results both fit. */
export interface StartedSystem {
  gatewayUrl: string;
  zoneServices: readonly RunningZoneService[];
  province: RunningProvinceService;
  signingKeys: SigningKeys;
  credential: string;
  proxies?: ReadonlyMap<string, DelayProxy>;
  stop(): Promise<void>;
}

/** A BenchStack over a started system; stopping it also drops the stack's databases. */
export function benchStackOf(system: StartedSystem, about: Pick<BenchStack, 'label' | 'zoneIds' | 'seedMs'>, dropDatabases: () => Promise<void>): BenchStack {
  useGatewayCredential(system.gatewayUrl, system.credential);
  return {
    ...about,
    gatewayUrl: system.gatewayUrl,
    zoneServices: system.zoneServices,
    province: system.province,
    signingKeys: system.signingKeys,
    credential: system.credential,
    proxies: system.proxies ?? new Map(),
    stop: async () => {
      await system.stop();
      await dropDatabases();
    },
  };
}
