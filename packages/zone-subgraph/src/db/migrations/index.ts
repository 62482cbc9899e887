import { InitialZoneSchema1763900000000 } from './1763900000000-InitialZoneSchema';

/** Every zone-database migration, oldest first. */
export const zoneMigrations = [InitialZoneSchema1763900000000];
