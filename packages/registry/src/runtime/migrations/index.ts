import { RuntimeRegistry1764600000100 } from './1764600000100-RuntimeRegistry';

/** The registry's tables, run by the service that owns the registry's database (the province). */
export const registryMigrations = [RuntimeRegistry1764600000100];
