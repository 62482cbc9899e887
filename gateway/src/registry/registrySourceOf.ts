import { PgRegistryReader } from '@devzone/registry';
import type { RegistrySourceConfig } from '../config';
import type { RegistrySource } from './types';

/** The registry source `node dist/main.js` serves in registry mode: a `PgRegistryReader` on REGISTRY_DATABASE_URL (connecting lazily). */
export function registrySourceOf({ databaseUrl, stateFile, pollIntervalMs, healthIntervalMs, replicaId }: RegistrySourceConfig): RegistrySource {
  return { reader: new PgRegistryReader({ connectionString: databaseUrl }), stateFile, pollIntervalMs, healthIntervalMs, replicaId };
}
