import 'reflect-metadata';
import { resolve } from 'node:path';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { openDatabaseFromSettings, parseEnvironment, runFromEnvironment } from '@devzone/subgraph-kit';
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
    const database = await openDatabaseFromSettings({
      name: 'province',
      databaseUrl: config.DATABASE_URL,
      embeddedDir: config.EMBEDDED_PG_DIR,
      embeddedPort: config.EMBEDDED_PG_PORT,
    });
    try {
      const service = await startProvinceService({
        databaseUrl: database.url,
        directory: loadDirectoryFile(config.DIRECTORY_FILE ?? resolve(__dirname, '../seed/directory.json')),
        presets: loadPresetFile(config.PRESET_FILE),
        sources: SourceLibrary.load(config.SOURCES_DIR),
        registry,
        gatewayUrl: () => config.GATEWAY_URL,
        port: config.PORT,
        host: config.HOST,
        signingKeys: config.SERVICE_SIGNING_KEYS,
      });
      return {
        url: service.url,
        stop: async () => {
          await service.stop();
          await database.stop();
        },
      };
    } catch (error) {
      await database.stop();
      throw error;
    }
  },
});
