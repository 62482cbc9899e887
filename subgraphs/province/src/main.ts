import 'reflect-metadata';
import { resolve } from 'node:path';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { parseEnvironment, runFromEnvironment, startOnServiceDatabase } from '@devzone/subgraph-kit';
import { loadDirectoryFile } from './seed/loadDirectory';
import { loadPresetFile } from './seed/loadPresets';
import { provinceEnvSchema } from './service/provinceConfig';
import { startProvinceService } from './service/startProvinceService';
import { SourceLibrary } from './sources/SourceLibrary';

/** Runs the province service on its own; see service/provinceConfig.ts for the environment. */
runFromEnvironment({
  title: 'Province service',
  start: async () => {
    const config = parseEnvironment(provinceEnvSchema);
    const registry = StaticZoneServiceRegistry.fromEnv(process.env);
    const database = { name: 'province', databaseUrl: config.DATABASE_URL, embeddedDir: config.EMBEDDED_PG_DIR, embeddedPort: config.EMBEDDED_PG_PORT };
    return startOnServiceDatabase(database, (databaseUrl) =>
      startProvinceService({
        databaseUrl,
        directory: loadDirectoryFile(config.DIRECTORY_FILE ?? resolve(__dirname, '../seed/directory.json')),
        presets: loadPresetFile(config.PRESET_FILE),
        sources: SourceLibrary.load(config.SOURCES_DIR),
        registry,
        gatewayUrl: () => config.GATEWAY_URL,
        port: config.PORT,
        host: config.HOST,
        signingKeys: config.SERVICE_SIGNING_KEYS,
        zoneTimeoutMs: config.ZONE_TIMEOUT_MS,
      }),
    );
  },
});
