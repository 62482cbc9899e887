import { Gauge, type Registry } from 'prom-client';

/** One connection pool as it is now. */
export interface DatabasePoolReading {
  /** The database the pool connects to (its name only, never the URL). */
  readonly name: string;
  readonly used: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
  readonly max: number;
}

type PoolLabel = 'db_client_connection_pool_name';

/**
 * The OpenTelemetry database-client conventions' pool metrics, read when scraped:
 * `db_client_connection_count{db_client_connection_state="used"|"idle"}`,
 * `db_client_connection_pending_requests` and `db_client_connection_max`.
 */
export function databasePoolGauges(registry: Registry, read: () => readonly DatabasePoolReading[]): void {
  new Gauge<PoolLabel | 'db_client_connection_state'>({
    name: 'db_client_connection_count',
    help: 'Connections of the pool, by state: used (lent to a query) or idle.',
    labelNames: ['db_client_connection_pool_name', 'db_client_connection_state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const pool of read()) {
        this.set({ db_client_connection_pool_name: pool.name, db_client_connection_state: 'used' }, pool.used);
        this.set({ db_client_connection_pool_name: pool.name, db_client_connection_state: 'idle' }, pool.idle);
      }
    },
  });
  poolGauge(registry, 'db_client_connection_pending_requests', 'Queries waiting for a free connection of the pool.', read, (pool) => pool.waiting);
  poolGauge(registry, 'db_client_connection_max', 'Largest number of connections the pool opens.', read, (pool) => pool.max);
}

function poolGauge(
  registry: Registry,
  name: string,
  help: string,
  read: () => readonly DatabasePoolReading[],
  valueOf: (pool: DatabasePoolReading) => number,
): void {
  new Gauge<PoolLabel>({
    name,
    help,
    labelNames: ['db_client_connection_pool_name'],
    registers: [registry],
    collect() {
      this.reset();
      for (const pool of read()) this.set({ db_client_connection_pool_name: pool.name }, valueOf(pool));
    },
  });
}

/** What node-postgres' `Pool` tells about itself. */
interface PgPoolLike {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options?: { readonly max?: number; readonly database?: string; readonly connectionString?: string };
}

function isPgPool(value: unknown): value is PgPoolLike {
  const pool = value as Partial<PgPoolLike> | null;
  return typeof pool === 'object' && pool !== null && typeof pool.totalCount === 'number' && typeof pool.idleCount === 'number';
}

/** The pool of a TypeORM `DataSource` on PostgreSQL (`driver.master`, a node-postgres `Pool`); undefined for anything else. */
export function typeormPoolReading(dataSource: unknown): DatabasePoolReading | undefined {
  const pool: unknown = (dataSource as { driver?: { master?: unknown } } | null | undefined)?.driver?.master;
  if (!isPgPool(pool)) return undefined;
  return {
    name: databaseNameOf(pool.options),
    used: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options?.max ?? 10,
  };
}

/** The database name alone: a connection string carries the password too. */
function databaseNameOf(options: PgPoolLike['options']): string {
  if (options?.database) return options.database;
  try {
    const name = new URL(options?.connectionString ?? '').pathname.replace(/^\//, '');
    return decodeURIComponent(name) || 'default';
  } catch {
    return 'default';
  }
}
