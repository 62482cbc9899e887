import { resolve } from 'node:path';
import { EmbeddedPostgresServer } from '@devzone/database';

export interface ServiceDatabaseSettings {
  /** An external PostgreSQL (DATABASE_URL); when unset an embedded server is started. */
  readonly databaseUrl?: string | undefined;
  /** @default `.data/<name>` under the working directory */
  readonly embeddedDir?: string | undefined;
  readonly embeddedPort: number;
  /** The service's name: names the embedded data folder and database (`devzone_<name>`). */
  readonly name: string;
}

/**
 * The database a service's data lives in (`devzone_<name>`, dashes as underscores),
 * embedded or external, whoever starts it: existing `.data` folders rely on it.
 */
export function serviceDatabaseName(name: string): string {
  return `devzone_${name.replace(/-/g, '_')}`;
}

export interface ServiceDatabaseHandle {
  readonly url: string;
  stop(): Promise<void>;
}

/** The database a service runs on when started on its own: external when given, else embedded. */
export async function openDatabaseFromSettings(settings: ServiceDatabaseSettings): Promise<ServiceDatabaseHandle> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, stop: async () => undefined };
  const embedded = new EmbeddedPostgresServer({
    dataDir: settings.embeddedDir ?? resolve(process.cwd(), '.data', settings.name),
    port: settings.embeddedPort,
  });
  await embedded.start();
  try {
    const url = await embedded.ensureDatabase(serviceDatabaseName(settings.name));
    return { url, stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * Opens the service's database, then starts the service on it; the returned
 * service's `stop` also stops the database, and a failed start stops it too.
 */
export async function startOnServiceDatabase<S extends { stop(): Promise<void> }>(
  settings: ServiceDatabaseSettings,
  start: (databaseUrl: string) => Promise<S>,
): Promise<S> {
  const database = await openDatabaseFromSettings(settings);
  try {
    const service = await start(database.url);
    return {
      ...service,
      stop: async () => {
        await service.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
