import type { Principal } from '@devzone/auth';
import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import type { RequestBudget, SendToService, ShardRouter, ZoneReadCache } from '@devzone/shard-router';
import type { FigureSheetSupport } from './figureSheetSupport';

/** How one province request reaches the zone services: the reads and the lookups by id of that request share it. */
export interface ZoneRoute {
  /** The province's router: its breakers and settings are shared by every request. */
  readonly router: ShardRouter;
  /** Which service hosts which zone, read at each call (the registry's moves apply at once). */
  readonly shardMap: ZoneServiceRegistry;
  /** Posts to a zone service, signed for the caller being answered. */
  readonly send: SendToService<ZoneServiceEntry>;
  /** The deadline of the request being answered, shared by all its calls, and the services that already failed it. */
  readonly budget: RequestBudget;
  /** The caller being answered: zone answers depend on its scope, and so do cache entries. */
  readonly principal?: Principal | null;
  /** The process's zone-read cache; absent when it is off (ZONE_READ_CACHE=off). */
  readonly cache?: ZoneReadCache;
  /** Which services answer figure sheets (the process's); absent, every service is asked for them. */
  readonly figureSheets?: FigureSheetSupport;
}
