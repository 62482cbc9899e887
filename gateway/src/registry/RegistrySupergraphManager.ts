import type { SupergraphManager, SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { StaticZoneServiceRegistry, type MutableZoneServiceRegistry, type RegistryReader, type ServingSnapshot } from '@devzone/registry';
import { describeFailure } from '@devzone/shard-router';
import { silentLogger, type GatewayLogger } from '../logger';
import { RegistryWatcher } from './RegistryWatcher';
import { readStateFile, writeStateFile } from './stateFile';
import type { ServedRegistryState } from './types';

export interface RegistrySupergraphManagerOptions {
  readonly reader: RegistryReader;
  /** Where the last snapshot served is stored (see `RegistrySource.stateFile`). */
  readonly stateFile: string;
  /** The shard map the gateway's zones data source routes with; replaced together with the supergraph. */
  readonly registry: MutableZoneServiceRegistry;
  /** @default 1000 */
  readonly pollIntervalMs?: number;
  /** @default silentLogger */
  readonly logger?: GatewayLogger;
  /** Work that runs while a supergraph is served (the health checks): started once serving, stopped with the manager. */
  readonly companions?: readonly { start(): void; stop(): Promise<void> }[];
}

/** What `refresh()` did; the gateway keeps serving `version` in every case. */
export type RegistryRefreshResult =
  | { readonly outcome: 'updated' | 'unchanged'; readonly version: number; readonly supergraphSdl: string }
  | {
      readonly outcome: 'rejected';
      /** `unreachable`: the registry database could not be read; `update`: the gateway refused the newer state's supergraph. */
      readonly reason: 'unreachable' | 'update';
      readonly message: string;
      readonly version: number;
      readonly supergraphSdl: string;
    };

/** Why a replica cannot start: the registry has nothing to serve, or is unreachable and nothing was stored. */
export class NoSupergraphError extends Error {
  constructor(
    readonly reason: 'no-state' | 'database-down',
    message: string,
  ) {
    super(message);
    this.name = 'NoSupergraphError';
  }
}

type Served = ServingSnapshot & { readonly loadedFrom: ServedRegistryState['loadedFrom'] };

type ManagerState =
  | { readonly phase: 'initialized' }
  | { readonly phase: 'serving'; readonly update: SupergraphSdlUpdateFunction; readonly served: Served }
  | { readonly phase: 'stopped' };

type SupergraphSdlHookOptions = Parameters<SupergraphSdlHook>[0];

/**
 * Supergraph manager of a gateway in registry mode: serves the newest state the
 * runtime registry accepted (supergraph and shard map, swapped together), learns of
 * newer ones by NOTIFY or by polling, and keeps the last one served in a state file
 * so that a replica starting while the registry database is down still serves.
 * The registry composes; this manager never does.
 */
export class RegistrySupergraphManager implements SupergraphManager {
  private readonly reader: RegistryReader;
  private readonly stateFile: string;
  private readonly registry: MutableZoneServiceRegistry;
  private readonly logger: GatewayLogger;
  private readonly companions: readonly { start(): void; stop(): Promise<void> }[];
  private readonly watcher: RegistryWatcher;
  private state: ManagerState = { phase: 'initialized' };
  /** Refreshes run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The newest version the gateway refused, so that every poll does not try (and log) it again. */
  private refusedVersion: number | undefined;
  /** Whether the last read failed, so an outage is logged once. */
  private unreachable = false;

  constructor({ reader, stateFile, registry, pollIntervalMs = 1000, logger = silentLogger, companions = [] }: RegistrySupergraphManagerOptions) {
    this.reader = reader;
    this.stateFile = stateFile;
    this.registry = registry;
    this.logger = logger;
    this.companions = companions;
    this.watcher = new RegistryWatcher({ reader, pollIntervalMs, logger, check: (announced) => this.checkAnnounced(announced) });
  }

  /** The supergraph being served, once initialized. */
  get supergraphSdl(): string | undefined {
    return this.state.phase === 'serving' ? this.state.served.supergraphSdl : undefined;
  }

  /** The registry state being served, once initialized. */
  get served(): ServedRegistryState | undefined {
    if (this.state.phase !== 'serving') return undefined;
    const { version, supergraphHash, loadedFrom } = this.state.served;
    return { version, hash: supergraphHash, loadedFrom, watching: this.watcher.mode };
  }

  async initialize({ update }: SupergraphSdlHookOptions): ReturnType<SupergraphSdlHook> {
    if (this.state.phase !== 'initialized') throw new Error(`RegistrySupergraphManager cannot initialize: it is ${this.state.phase}`);
    let served: Served;
    try {
      served = await this.firstSnapshot();
      this.registry.replace(served.services);
    } catch (error) {
      this.logger.error(describeFailure(error));
      // The gateway calls no cleanup when initialize throws.
      this.state = { phase: 'stopped' };
      await this.reader.close().catch(() => undefined);
      throw error;
    }
    this.state = { phase: 'serving', update, served };
    this.logger.info(`Registry: serving version ${served.version} (supergraph ${served.supergraphHash.slice(0, 12)}) from the ${served.loadedFrom}`);
    // The gateway applies the returned supergraph right after this resolves and calls cleanup at
    // once if it refuses it; by the next turn of the event loop it is known to be served.
    setImmediate(() => {
      if (this.state.phase !== 'serving' || this.state.served !== served) return;
      if (served.loadedFrom === 'database') void this.store(served);
      this.watcher.start();
      for (const companion of this.companions) companion.start();
    });
    return { supergraphSdl: served.supergraphSdl, cleanup: () => this.cleanup() };
  }

  /** Reads the registry now and applies a newer state, as a NOTIFY would. */
  refresh(): Promise<RegistryRefreshResult> {
    const run = this.queue.then(() => this.refreshNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async firstSnapshot(): Promise<Served> {
    let databaseError: unknown;
    try {
      const snapshot = await this.reader.readServing();
      if (snapshot) return { ...snapshot, loadedFrom: 'database' };
    } catch (error) {
      databaseError = error;
    }
    const stored = await readStateFile(this.stateFile);
    if (stored) {
      const why =
        databaseError === undefined ? 'the registry holds no accepted state' : `the registry database is unreachable: ${describeFailure(databaseError)}`;
      this.logger.warn(`Registry: ${why}; serving the stored supergraph ${this.stateFile} (version ${stored.version})`);
      return { ...stored, loadedFrom: 'stateFile' };
    }
    if (databaseError === undefined) {
      throw new NoSupergraphError(
        'no-state',
        `No zone service is registered yet: the registry holds no accepted state and there is no stored supergraph at ${this.stateFile}. Register a zone service, then start the gateway.`,
      );
    }
    throw new NoSupergraphError(
      'database-down',
      `The registry database is unreachable (${describeFailure(databaseError)}) and there is no stored supergraph at ${this.stateFile}: start the gateway when the database is back (a replica that served once keeps its last supergraph there).`,
    );
  }

  private async checkAnnounced(announced?: number): Promise<void> {
    if (this.state.phase !== 'serving') return;
    if (announced !== undefined && announced <= this.state.served.version) return;
    await this.refresh();
  }

  private async refreshNow(): Promise<RegistryRefreshResult> {
    const before = this.servingState();
    let snapshot: ServingSnapshot | null;
    try {
      snapshot = await this.reader.readServing();
    } catch (error) {
      const message = `the registry database could not be read: ${describeFailure(error)}`;
      if (!this.unreachable) this.logger.warn(`Registry: ${message}; serving version ${before.served.version} meanwhile`);
      this.unreachable = true;
      return { outcome: 'rejected', reason: 'unreachable', message, ...servingNow(before) };
    }
    if (this.unreachable) this.logger.info('Registry: the registry database answers again');
    this.unreachable = false;
    const current = this.servingState();
    const { served } = current;
    if (served.loadedFrom === 'stateFile' && snapshot?.version === served.version && snapshot.supergraphHash === served.supergraphHash) {
      // The database is back with the state this replica had stored: the registry now confirms it.
      this.state = { ...current, served: { ...served, loadedFrom: 'database' } };
    }
    if (!snapshot || snapshot.version <= current.served.version) return { outcome: 'unchanged', ...servingNow(current) };
    return this.apply(current, { ...snapshot, loadedFrom: 'database' });
  }

  /**
   * Swaps supergraph and shard map with nothing awaited in between, so no request
   * starts on one without the other; a request already running keeps the shard map
   * it started with (`GatewayContext.shardMap`).
   */
  private async apply(current: Extract<ManagerState, { phase: 'serving' }>, next: Served): Promise<RegistryRefreshResult> {
    const refused = (message: string): RegistryRefreshResult => {
      if (this.refusedVersion !== next.version)
        this.logger.error(`Registry: keeping version ${current.served.version}; version ${next.version} was refused: ${message}`);
      this.refusedVersion = next.version;
      return { outcome: 'rejected', reason: 'update', message, ...servingNow(current) };
    };
    try {
      // Checked before the supergraph changes, so that a refusal leaves both as they were.
      new StaticZoneServiceRegistry(next.services);
      if (next.supergraphHash !== current.served.supergraphHash) current.update(next.supergraphSdl);
    } catch (error) {
      return refused(describeFailure(error));
    }
    this.registry.replace(next.services);
    this.state = { ...current, served: next };
    this.logger.info(`Registry: serving version ${next.version} (supergraph ${next.supergraphHash.slice(0, 12)})`);
    await this.store(next);
    return { outcome: 'updated', version: next.version, supergraphSdl: next.supergraphSdl };
  }

  private async store(snapshot: ServingSnapshot): Promise<void> {
    try {
      await writeStateFile(this.stateFile, snapshot);
    } catch (error) {
      this.logger.error(`Registry: could not store version ${snapshot.version} in ${this.stateFile}: ${describeFailure(error)}`);
    }
  }

  private servingState(): Extract<ManagerState, { phase: 'serving' }> {
    if (this.state.phase !== 'serving') throw new Error(`RegistrySupergraphManager cannot refresh: it is ${this.state.phase}`);
    return this.state;
  }

  private async cleanup(): Promise<void> {
    this.state = { phase: 'stopped' };
    await this.watcher.stop();
    await Promise.all(this.companions.map((companion) => companion.stop()));
    await this.queue;
    await this.reader.close();
  }
}

function servingNow({ served }: Extract<ManagerState, { phase: 'serving' }>): { version: number; supergraphSdl: string } {
  return { version: served.version, supergraphSdl: served.supergraphSdl };
}
