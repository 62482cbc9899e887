import { Pool, type PoolClient } from 'pg';
import {
  REGISTRY_CHANNEL,
  type ClassifiedChange,
  type RegistryAction,
  type RegistryChangeRecord,
  type RegistryProblem,
  type RegistryState,
  type ServiceHealthReport,
} from './types';
import { changeOf, healthOf, stateOf, storablePayload, type ChangeRow, type HealthRow, type StateRow } from './store/registryRows';

/** A change about to be recorded; the store gives it its id, outcome and state version. */
export interface ChangeDraft {
  readonly actor: string;
  readonly action: RegistryAction;
  readonly serviceName: string | null;
  readonly problems: readonly RegistryProblem[];
  readonly changes: readonly ClassifiedChange[];
  readonly forced: boolean;
  readonly payload: unknown;
  /** The version the checks ran against; null when nothing was accepted yet. */
  readonly checkedAgainst: number | null;
  /** The candidate supergraph's hash, when checks got as far as composing one. */
  readonly supergraphHash: string | null;
  /** @default the database's now() */
  readonly at?: Date;
}

/** A state about to be accepted: the store numbers and dates it. */
export type StateDraft = Omit<RegistryState, 'version' | 'acceptedAt'> & { readonly acceptedAt?: Date };

export interface HistoryFilter {
  readonly serviceName?: string;
  /** @default 50, at most 500 */
  readonly limit?: number;
  /** Only changes older than this change id (paging back). */
  readonly before?: number;
}

/** Another change was accepted after this one's checks began: its checks no longer hold. */
export class RegistryVersionConflict extends Error {
  constructor(
    readonly checkedAgainst: number | null,
    readonly current: number | null,
  ) {
    super(
      `registry state ${current} was accepted while this change was checked against ${checkedAgainst === null ? 'no state' : `state ${checkedAgainst}`}: check the change again`,
    );
    this.name = 'RegistryVersionConflict';
  }
}

export type PgRegistryStoreOptions = { readonly url: string; readonly poolSize?: number } | { readonly pool: Pool };

/** Every process that writes the registry takes this transaction-scoped lock first. */
const REGISTRY_WRITE_LOCK = 764_600_000_100;
const MAX_HISTORY = 500;

const STATE_COLUMNS = 'version, services, supergraph_sdl, supergraph_hash, accepted_at';

/**
 * The province's side of the runtime registry's tables (created by `registryMigrations`):
 * accepted states, every change tried, and what gateway replicas report of each service.
 */
export class PgRegistryStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;

  constructor(options: PgRegistryStoreOptions) {
    if ('pool' in options) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      this.pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 4 });
      // An idle connection the server dropped is discarded; the next query opens a new one.
      this.pool.on('error', () => undefined);
      this.ownsPool = true;
    }
  }

  async latestState(): Promise<RegistryState | null> {
    const { rows } = await this.pool.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM registry_state ORDER BY version DESC LIMIT 1`);
    return rows[0] ? stateOf(rows[0]) : null;
  }

  async state(version: number): Promise<RegistryState | null> {
    const { rows } = await this.pool.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM registry_state WHERE version = $1`, [version]);
    return rows[0] ? stateOf(rows[0]) : null;
  }

  /** The newest states first. */
  async states(limit = 20): Promise<RegistryState[]> {
    const { rows } = await this.pool.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM registry_state ORDER BY version DESC LIMIT $1`, [boundedLimit(limit)]);
    return rows.map(stateOf);
  }

  /** Changes tried, accepted and refused, newest first. */
  async history({ serviceName, limit = 50, before }: HistoryFilter = {}): Promise<RegistryChangeRecord[]> {
    const { rows } = await this.pool.query<ChangeRow>(
      `SELECT * FROM registry_change
       WHERE ($1::text IS NULL OR service_name = $1) AND ($2::integer IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [serviceName ?? null, before ?? null, boundedLimit(limit)],
    );
    return rows.map(changeOf);
  }

  /** What each gateway replica last reported of each service, by service then replica. */
  async health(): Promise<ServiceHealthReport[]> {
    const { rows } = await this.pool.query<HealthRow>('SELECT * FROM registry_health ORDER BY service_name, replica');
    return rows.map(healthOf);
  }

  /**
   * Accepts a state as version `checkedAgainst + 1`, records the change and announces the
   * version on REGISTRY_CHANNEL (delivered on commit), all in one transaction. Refuses with
   * RegistryVersionConflict when another state was accepted since the checks began.
   */
  async accept(state: StateDraft, change: ChangeDraft): Promise<{ state: RegistryState; change: RegistryChangeRecord }> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REGISTRY_WRITE_LOCK]);
      const { rows: current } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM registry_state');
      const currentVersion = current[0]?.version ?? null;
      if (currentVersion !== change.checkedAgainst) throw new RegistryVersionConflict(change.checkedAgainst, currentVersion);
      const version = (currentVersion ?? 0) + 1;
      const { rows: states } = await client.query<StateRow>(
        `INSERT INTO registry_state (version, services, supergraph_sdl, supergraph_hash, accepted_at)
         VALUES ($1, $2, $3, $4, COALESCE($5, now())) RETURNING ${STATE_COLUMNS}`,
        [version, JSON.stringify(state.services), state.supergraphSdl, state.supergraphHash, state.acceptedAt ?? null],
      );
      const record = await insertChange(client, change, 'accepted', version, state.supergraphHash);
      await client.query('SELECT pg_notify($1, $2)', [REGISTRY_CHANNEL, String(version)]);
      return { state: stateOf(states[0]!), change: record };
    });
  }

  /** Records a refused change against the state it was checked against. */
  async refuse(change: ChangeDraft): Promise<RegistryChangeRecord> {
    return insertChange(this.pool, change, 'refused', change.checkedAgainst, change.supergraphHash);
  }

  /** Records an accepted change that produced no new state (a recompose that changed nothing). */
  async recordUnchanged(change: ChangeDraft): Promise<RegistryChangeRecord> {
    return insertChange(this.pool, change, 'accepted', change.checkedAgainst, change.supergraphHash);
  }

  /** Ends the pool when the store created it. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function insertChange(
  queryable: Pick<Pool, 'query'> | PoolClient,
  change: ChangeDraft,
  outcome: 'accepted' | 'refused',
  stateVersion: number | null,
  supergraphHash: string | null,
): Promise<RegistryChangeRecord> {
  const { rows } = await queryable.query<ChangeRow>(
    `INSERT INTO registry_change (at, actor, action, service_name, outcome, problems, changes, state_version, supergraph_hash, forced, payload)
     VALUES (COALESCE($1, now()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      change.at ?? null,
      change.actor,
      change.action,
      change.serviceName,
      outcome,
      JSON.stringify(change.problems),
      JSON.stringify(change.changes),
      stateVersion,
      supergraphHash,
      change.forced,
      storablePayload(change.payload),
    ],
  );
  return changeOf(rows[0]!);
}

function boundedLimit(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_HISTORY);
}
