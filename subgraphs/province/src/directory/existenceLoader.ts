import type { ZoneServiceRegistry } from '@devzone/registry';
import type { RequestSigner } from '@devzone/subgraph-kit';
import DataLoader from 'dataloader';
import { askZoneService, type Existence } from './askZoneService';
import type { HeldEntityId } from './lookupIds';

/** What the province learnt about one entity and from which service; NOT_ROUTED when no service hosts its zone. */
export type ExistenceOutcome = (Existence & { service: string }) | { status: 'NOT_ROUTED' };

/** How long a lookup waits for the zone service, like the gateway's ZONE_TIMEOUT_MS default. */
export const EXISTENCE_TIMEOUT_MS = 5000;

/**
 * A loader that batches the lookups of one request: one `_entities` request per
 * zone service, services in parallel.
 */
export function createExistenceLoader(
  registry: ZoneServiceRegistry,
  sign: RequestSigner,
  timeoutMs = EXISTENCE_TIMEOUT_MS,
): DataLoader<HeldEntityId, ExistenceOutcome, string> {
  return new DataLoader<HeldEntityId, ExistenceOutcome, string>(
    async (entities) => {
      const outcomes = new Array<ExistenceOutcome>(entities.length).fill({ status: 'NOT_ROUTED' });
      const byService = new Map<string, { url: string; indexes: number[] }>();
      entities.forEach((entity, i) => {
        const service = registry.serviceForZone(entity.zoneId);
        if (!service) return;
        const group = byService.get(service.name) ?? { url: service.url, indexes: [] };
        group.indexes.push(i);
        byService.set(service.name, group);
      });
      await Promise.all(
        [...byService].map(async ([service, { url, indexes }]) => {
          const answers = await askZoneService(
            url,
            indexes.map((i) => entities[i]),
            timeoutMs,
            sign,
          );
          indexes.forEach((entityIndex, j) => {
            outcomes[entityIndex] = { ...answers[j], service };
          });
        }),
      );
      return outcomes;
    },
    { cacheKeyFn: (entity) => `${entity.type}:${entity.id}` },
  );
}

const perRequest = new WeakMap<object, DataLoader<HeldEntityId, ExistenceOutcome, string>>();

/** The existence loader of one request, keyed on its context object (created on first use). */
export function existenceLoaderFor(
  context: { readonly signZoneRequest: RequestSigner; readonly zoneTimeoutMs?: number },
  registry: ZoneServiceRegistry,
): DataLoader<HeldEntityId, ExistenceOutcome, string> {
  let loader = perRequest.get(context);
  if (!loader) {
    loader = createExistenceLoader(registry, context.signZoneRequest, context.zoneTimeoutMs);
    perRequest.set(context, loader);
  }
  return loader;
}
