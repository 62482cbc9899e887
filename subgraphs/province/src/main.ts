import 'reflect-metadata';
import { resolve } from 'node:path';
import { EmbeddedPostgresServer } from '@devzone/database';
import { parseOrThrow } from '@devzone/errors';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { loadDirectoryFile } from './seed/loadDirectory';
import { loadPresetFile } from './seed/loadPresets';
import { provinceEnvSchema } from './service/provinceConfig';
import { SourceLibrary } from './sources/SourceLibrary';
import { startProvinceService } from './service/startProvinceService';

/** Runs the province service on its own; see service/provinceConfig.ts for the environment. */
async function main(): Promise<void> {
  const config = parseOrThrow(provinceEnvSchema, process.env, 'environment');
  const registry = StaticZoneServiceRegistry.fromEnv(process.env);
  let embedded: EmbeddedPostgresServer | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgresServer({ dataDir: config.EMBEDDED_PG_DIR ?? resolve(process.cwd(), '.data', 'province'), port: config.EMBEDDED_PG_PORT });
    await embedded.start();
    databaseUrl = await embedded.ensureDatabase('devzone_province');
  }
  const service = await startProvinceService({
    databaseUrl,
    directory: loadDirectoryFile(config.DIRECTORY_FILE ?? resolve(__dirname, '../seed/directory.json')),
    presets: loadPresetFile(config.PRESET_FILE),
    sources: SourceLibrary.load(config.SOURCES_DIR),
    registry,
    gatewayUrl: () => config.GATEWAY_URL,
    port: config.PORT,
    host: config.HOST,
  });
  console.log(`Province service ready at ${service.url}`);
  const shutdown = async () => {
    await service.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
