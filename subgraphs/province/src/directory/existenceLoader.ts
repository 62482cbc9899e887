import DataLoader from 'dataloader';
import type { ZoneRoute } from '../zoneReader/zoneRoute';
import { askZoneServices, type ExistenceOutcome } from './askZoneServices';
import type { HeldEntityId } from './lookupIds';

/** A loader that batches the lookups of one request: one `_entities` request per zone service, services in parallel. */
export function createExistenceLoader(route: ZoneRoute): DataLoader<HeldEntityId, ExistenceOutcome, string> {
  return new DataLoader<HeldEntityId, ExistenceOutcome, string>((entities) => askZoneServices(route, entities), {
    cacheKeyFn: (entity) => `${entity.type}:${entity.id}`,
  });
}

const perRequest = new WeakMap<object, DataLoader<HeldEntityId, ExistenceOutcome, string>>();

/** The existence loader of one request, keyed on its context object (created on first use). */
export function existenceLoaderFor(context: { readonly zoneRoute: ZoneRoute }): DataLoader<HeldEntityId, ExistenceOutcome, string> {
  let loader = perRequest.get(context);
  if (!loader) {
    loader = createExistenceLoader(context.zoneRoute);
    perRequest.set(context, loader);
  }
  return loader;
}
