import { isZoneId } from '@devzone/registry';
import type { EntityStore } from './entityStore';
import type { ZoneVersionCheckFailure } from './fetchDataVersions';
import { VersionBatcher, type ScheduleFlush, type SendVersionRequest, type VersionedService } from './versionBatcher';

/** How one representation of a zone read was served: from the cache, fetched (`miss`), or fetched without a version to key it by (`bypass`). */
export type ZoneReadResult = 'hit' | 'miss' | 'bypass';

/** What the cache reports (the gateway's and the province's `ZoneReadCacheMetrics`). */
export interface ZoneReadCacheObserver {
  served(result: ZoneReadResult, count?: number): void;
  versionCheck(service: string): void;
  versionCheckFailed(service: string, reason: ZoneVersionCheckFailure): void;
  /** Drops what it reports of a service that left the registry. */
  forgetService?(service: string): void;
}

/** After a failed version request, the service's reads go uncached this long before it is asked again. */
export const VERSION_RETRY_AFTER_MS = 10_000;

export interface ZoneVersionsOptions {
  readonly send: SendVersionRequest<VersionedService>;
  readonly store: EntityStore;
  /** Whether the service's circuit breaker lets calls through: no version request waits on a service known to be failing. */
  readonly breakerClosed: (service: string) => boolean;
  readonly observer?: ZoneReadCacheObserver;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default the next turn of the event loop (`setImmediate`) */
  readonly schedule?: ScheduleFlush;
}

/**
 * The current data versions of zones, per service, read fresh for every read (batched by
 * `VersionBatcher`: at most one request per service on its way). A service that fails a version
 * request, has no endpoint for it, or whose breaker is not closed gets no versions,
 * and so no caching, for a while.
 */
export class ZoneVersions {
  private readonly batcher: VersionBatcher<VersionedService>;
  private readonly retryAt = new Map<string, number>();
  /** By service name: how many times it left the registry. A version request sent before the last departure reports nothing. */
  private readonly departures = new Map<string, number>();
  private readonly breakerClosed: (service: string) => boolean;
  private readonly now: () => number;
  private readonly observer: ZoneReadCacheObserver | undefined;

  constructor({ send, store, breakerClosed, observer, now = Date.now, schedule }: ZoneVersionsOptions) {
    this.breakerClosed = breakerClosed;
    this.now = now;
    this.observer = observer;
    this.batcher = new VersionBatcher(async (service, zones) => {
      observer?.versionCheck(service.name);
      const departuresBefore = this.departures.get(service.name);
      const answer = await send(service, zones);
      // Its series were removed when it left: a failure counted now would bring one back.
      if (this.departures.get(service.name) !== departuresBefore) return answer;
      if (answer.status === 'failed') {
        observer?.versionCheckFailed(service.name, answer.reason);
        this.retryAt.set(serviceIdOf(service), this.now() + VERSION_RETRY_AFTER_MS);
      } else {
        const id = serviceIdOf(service);
        for (const [zoneId, version] of answer.versions) store.noteVersion({ service: id, zoneId }, version);
      }
      return answer;
    }, schedule);
  }

  /** The service left the registry: its version-request series go, and a version request to it still under way reports nothing when it ends. */
  forgetService(name: string): void {
    this.departures.set(name, (this.departures.get(name) ?? 0) + 1);
    this.observer?.forgetService?.(name);
  }

  /** Each zone's version as the service answers it after this call; a zone it left out (or a service without versions) is missing. */
  async versionsOf(service: VersionedService, zones: Iterable<string>): Promise<ReadonlyMap<string, string>> {
    const asked = [...zones].filter(isZoneId);
    if (asked.length === 0 || !this.breakerClosed(service.name)) return new Map();
    const retryAt = this.retryAt.get(serviceIdOf(service));
    if (retryAt !== undefined && this.now() < retryAt) return new Map();
    const answer = await this.batcher.versionsOf(service, asked);
    return answer.status === 'answered' ? answer.versions : new Map();
  }
}

/** A service as versions count: by name and URL, since a new URL may be a new database. */
export function serviceIdOf({ name, url }: VersionedService): string {
  return `${name}\n${url}`;
}
