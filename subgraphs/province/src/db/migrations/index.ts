import { InitialProvinceSchema1763900000100 } from './1763900000100-InitialProvinceSchema';

export const provinceMigrations = [InitialProvinceSchema1763900000100];
