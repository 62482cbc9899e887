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
}

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
    extra: { max: options.poolSize ?? 10 },
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
