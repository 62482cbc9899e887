import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { StatementCounter } from './statementCounter';

export interface ServiceDatabaseOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** @default 10 */
  poolSize?: number;
  /** How long a connection may sit idle in the pool before it is closed. @default DEFAULT_POOL_IDLE_TIMEOUT_MS */
  poolIdleTimeoutMs?: number;
}

/**
 * Five minutes: an analyst's pause between two queries keeps the service's connection. At
 * node-postgres's own 10 s every pause longer than that closed it, and the next query paid a new
 * connection and a fresh PostgreSQL backend: 43-51 ms for the first read of a zone service after a
 * 40 s pause, 18-23 ms with the connection kept (docs/operations.md, "Database connections after a
 * quiet spell"). Connections a burst opened and no longer used still close, five minutes later.
 */
export const DEFAULT_POOL_IDLE_TIMEOUT_MS = 300_000;

export interface ServiceDatabase {
  dataSource: DataSource;
  statements: StatementCounter;
  close(): Promise<void>;
}

/**
 * Connects a service to its own database and applies pending migrations.
 * Schema changes only ever come from migrations (`synchronize` stays off).
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['query'],
    logger: statements,
    extra: {
      max: options.poolSize ?? 10,
      idleTimeoutMillis: options.poolIdleTimeoutMs ?? DEFAULT_POOL_IDLE_TIMEOUT_MS,
      // A connection idle for minutes must not be dropped by a firewall or NAT on the way: TCP keepalive probes after a minute.
      keepAlive: true,
      keepAliveInitialDelayMillis: 60_000,
    },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return {
    dataSource,
    statements,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
