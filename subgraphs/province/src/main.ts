import 'reflect-metadata';
import { resolve } from 'node:path';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { parseEnvironment, runFromEnvironment, startOnServiceDatabase } from '@devzone/subgraph-kit';
import { deploymentPrincipal, registerZoneServices } from './registry/registerZoneServices';
import { loadDirectoryFile } from './seed/loadDirectory';
import { loadPresetFile } from './seed/loadPresets';
import { provinceEnvSchema, zoneReadCacheOf, zoneResilienceOf } from './service/provinceConfig';
import { startProvinceService } from './service/startProvinceService';
import { SourceLibrary } from './sources/SourceLibrary';

/** Runs the province service on its own; see service/provinceConfig.ts for the environment. */
runFromEnvironment({
  title: 'Province service',
  start: async () => {
    const config = parseEnvironment(provinceEnvSchema);
    // ZONE_SERVICES: a static list; without it the province runs the runtime registry (docs/zone-systems.md),
    // registering REGISTER_ZONE_SERVICES (the deployment's own zone services) at start when given.
    const registry = process.env.ZONE_SERVICES?.trim() ? StaticZoneServiceRegistry.fromEnv(process.env) : undefined;
    const ownServices = process.env.REGISTER_ZONE_SERVICES?.trim() ? StaticZoneServiceRegistry.fromEnv(process.env, 'REGISTER_ZONE_SERVICES').services() : [];
    if (registry && ownServices.length > 0)
      throw new Error('ZONE_SERVICES (a static list) and REGISTER_ZONE_SERVICES (the runtime registry) exclude each other: set one');
    const directory = loadDirectoryFile(config.DIRECTORY_FILE ?? resolve(__dirname, '../seed/directory.json'));
    const database = { name: 'province', databaseUrl: config.DATABASE_URL, embeddedDir: config.EMBEDDED_PG_DIR, embeddedPort: config.EMBEDDED_PG_PORT };
    return startOnServiceDatabase(database, async (databaseUrl) => {
      const province = await startProvinceService({
        databaseUrl,
        directory,
        presets: loadPresetFile(config.PRESET_FILE),
        sources: SourceLibrary.load(config.SOURCES_DIR),
        ...(registry ? { registry } : {}),
        port: config.PORT,
        host: config.HOST,
        signingKeys: config.SERVICE_SIGNING_KEYS,
        zoneTimeoutMs: config.ZONE_TIMEOUT_MS,
        zoneResilience: zoneResilienceOf(config),
        zoneReadCache: zoneReadCacheOf(config),
      });
      if (province.registry && ownServices.length > 0) {
        try {
          const registered = await registerZoneServices(province.registry, ownServices, directory, deploymentPrincipal('bootstrap:REGISTER_ZONE_SERVICES'));
          console.log(`Registry version ${registered.version}: ${registered.summary}`);
        } catch (error) {
          await province.stop();
          throw error;
        }
      }
      return province;
    });
  },
});
