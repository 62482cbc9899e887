import { serviceIdOf } from './zoneVersions';
import type { VersionedService } from './versionBatcher';

/**
 * The zone data versions one request has read so far, by service and zone. They were read after
 * the request arrived, so a later check or read of the same request may use them instead of
 * asking the service again: what it serves is still no older than its zone's last write before
 * the request (the guarantee every read gives). One per request; never shared between requests.
 */
export class VersionsSeen {
  /** Made on the first version noted: every request gets one, most never read a version. */
  private versions: Map<string, string> | undefined;

  /** The version of `zoneId` this request read from `service` (same name and URL), if any. */
  versionOf(service: VersionedService, zoneId: string): string | undefined {
    return this.versions?.get(keyOf(service, zoneId));
  }

  note(service: VersionedService, zoneId: string, version: string): void {
    (this.versions ??= new Map()).set(keyOf(service, zoneId), version);
  }

  /** Forgets every version: once the request has written (a mutation), its later reads ask again. */
  clear(): void {
    this.versions = undefined;
  }
}

function keyOf(service: VersionedService, zoneId: string): string {
  return `${serviceIdOf(service)}\n${zoneId}`;
}
