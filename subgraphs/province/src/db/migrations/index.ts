import { InitialProvinceSchema1763900000100 } from './1763900000100-InitialProvinceSchema';
import { BenchmarkPresetsAndRuns1763900000200 } from './1763900000200-BenchmarkPresetsAndRuns';
import { DirectoryCityNames1763900000300 } from './1763900000300-DirectoryCityNames';
import { ApiKeys1763900000400 } from './1763900000400-ApiKeys';
import { SelectionRunOwner1763900000500 } from './1763900000500-SelectionRunOwner';

export { DirectoryCityNames1763900000300, SelectionRunOwner1763900000500 };

export const provinceMigrations = [
  InitialProvinceSchema1763900000100,
  BenchmarkPresetsAndRuns1763900000200,
  DirectoryCityNames1763900000300,
  ApiKeys1763900000400,
  SelectionRunOwner1763900000500,
];
