import type { RegistryReader } from '@devzone/registry';

/** Where a gateway in registry mode gets its supergraph and shard map: the runtime registry's database. */
export interface RegistrySource {
  /** Reads the accepted states and records health; closed when the gateway stops. */
  readonly reader: RegistryReader;
  /**
   * Where the last snapshot served is kept (JSON, written atomically), so that a replica
   * starting while the registry database is down serves the last good supergraph.
   */
  readonly stateFile: string;
  /**
   * How often the registry is read while NOTIFY cannot be listened to, and how often
   * listening is tried again meanwhile, in milliseconds.
   * @default 1000
   */
  readonly pollIntervalMs?: number;
  /**
   * How often each registered zone service is health-checked, in milliseconds.
   * @default 10000
   */
  readonly healthIntervalMs?: number;
  /**
   * This replica's name in the health rows.
   * @default `<hostname>:<pid>`
   */
  readonly replicaId?: string;
}

/** The registry state a replica serves, as `/ready` reports it. */
export interface ServedRegistryState {
  readonly version: number;
  readonly hash: string;
  /** `stateFile`: the database was unreachable or empty at start and has not given a newer state since. */
  readonly loadedFrom: 'database' | 'stateFile';
  /** `notify`: new states are announced by NOTIFY; `polling`: the LISTEN connection is down and the registry is read every poll interval. */
  readonly watching: 'notify' | 'polling';
}
