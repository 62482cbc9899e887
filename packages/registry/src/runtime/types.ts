import type { ZoneServiceEntry } from '../model';

/**
 * The runtime registry's shared vocabulary. The province writes the registry (checks,
 * then an accepted state); every gateway replica reads the accepted state and is told
 * of a new one by PostgreSQL NOTIFY (polling as a fallback).
 */

export type RecordCompletenessValue = 'COMPLETE' | 'NAMED_ONLY';

/** A zone a service claims to host, with the directory data the province keeps for it. */
export interface ZoneClaim {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Province code, e.g. `anhui`. */
  readonly provinceCode: string;
  /** Full official name ending with 市, 县 or 区; omitted when unknown. */
  readonly city?: string;
  readonly level: 'national' | 'provincial' | 'unknown';
  /** Completeness of the zone's records by kind, as the zone system states it. */
  readonly recordCompleteness?: Readonly<
    Partial<Record<'enterprises' | 'partyOrganizations' | 'honors' | 'alliances' | 'serviceStations', RecordCompletenessValue>>
  >;
}

export interface ServiceContact {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

/** What a zone system sends to register or update its service. */
export interface ServiceRegistration {
  readonly name: string;
  readonly url: string;
  readonly contact: ServiceContact;
  readonly zones: readonly ZoneClaim[];
}

/** A service in an accepted state: its registration plus the SDL it served when accepted. */
export interface RegisteredService extends ServiceRegistration {
  readonly sdl: string;
  readonly registeredBy: string;
  readonly updatedAt: string;
}

/** One accepted registry state: what every gateway replica serves. */
export interface RegistryState {
  /** Increases by one with every accepted change (rollbacks included). */
  readonly version: number;
  readonly services: readonly RegisteredService[];
  readonly supergraphSdl: string;
  /** sha256 of `supergraphSdl`, hex. */
  readonly supergraphHash: string;
  readonly acceptedAt: string;
}

/** What a gateway needs of a state: the supergraph and the shard map. */
export interface ServingSnapshot {
  readonly version: number;
  readonly supergraphSdl: string;
  readonly supergraphHash: string;
  readonly services: readonly ZoneServiceEntry[];
}

export type RegistryAction = 'register' | 'update' | 'deregister' | 'rollback' | 'recompose';

/** One reason a change was refused, naming the field or check. */
export interface RegistryProblem {
  /** `payload`, `authorization`, `claims`, `reachability`, `probe`, `contract`, `composition`; `concurrency` when another change was accepted while this one was checked. */
  readonly check: string;
  /** The payload path or schema coordinate the problem is about (`zones[1].city`, `Zone.indicators`). */
  readonly path?: string;
  readonly message: string;
}

/** A schema change between the served supergraph and the candidate, classified as graphql-inspector does. */
export interface ClassifiedChange {
  readonly criticality: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  readonly type: string;
  readonly path?: string;
  readonly message: string;
}

/** A line of the registry's history: every accepted and refused change. */
export interface RegistryChangeRecord {
  readonly id: number;
  readonly at: string;
  /** The principal's subject. */
  readonly actor: string;
  readonly action: RegistryAction;
  readonly serviceName: string | null;
  readonly outcome: 'accepted' | 'refused';
  readonly problems: readonly RegistryProblem[];
  readonly changes: readonly ClassifiedChange[];
  /** The state the change produced (accepted) or was checked against (refused). */
  readonly stateVersion: number | null;
  readonly supergraphHash: string | null;
  readonly forced: boolean;
  /** The payload as sent (registration, or `{ toVersion }` for a rollback). */
  readonly payload: unknown;
}

export type ServiceHealthState = 'up' | 'degraded' | 'down';

/** What a gateway replica last saw of a service. */
export interface ServiceHealthReport {
  readonly serviceName: string;
  readonly replica: string;
  readonly state: ServiceHealthState;
  readonly lastSeen: string | null;
  readonly checkedAt: string;
  readonly detail: string | null;
}

/** The channel a new accepted state is announced on; the payload is its version. */
export const REGISTRY_CHANNEL = 'devzone_registry';

/** What a gateway replica reads and writes in the registry's database. */
export interface RegistryReader {
  /** The newest accepted state as served, or null when nothing was ever accepted. Throws when the database is unreachable. */
  readServing(): Promise<ServingSnapshot | null>;
  /**
   * Calls `onVersion` with the version of every newly accepted state (NOTIFY on REGISTRY_CHANNEL).
   * Resolves once listening; the returned function stops. Throws when the database is unreachable.
   */
  listen(onVersion: (version: number) => void): Promise<() => Promise<void>>;
  /** Upserts what this replica saw of a service (one row per service and replica). */
  recordHealth(report: ServiceHealthReport): Promise<void>;
  close(): Promise<void>;
}
