import { InitialZoneSchema1763900000000 } from './1763900000000-InitialZoneSchema';
import { PagingIndexes1763900000300 } from './1763900000300-PagingIndexes';
import { ZoneRecordCompleteness1763900000400 } from './1763900000400-ZoneRecordCompleteness';
import { ZoneUpkeep1763900000500 } from './1763900000500-ZoneUpkeep';
import { ZoneDataVersion1763900000600 } from './1763900000600-ZoneDataVersion';
import { KeysetIndexes1763900000700 } from './1763900000700-KeysetIndexes';
import { ComputedFigures1763900000800 } from './1763900000800-ComputedFigures';
import { ZoneDataBumpedOnly1763900000900 } from './1763900000900-ZoneDataBumpedOnly';

/** Every zone-database migration, oldest first. */
export const zoneMigrations = [
  InitialZoneSchema1763900000000,
  PagingIndexes1763900000300,
  ZoneRecordCompleteness1763900000400,
  ZoneUpkeep1763900000500,
  ZoneDataVersion1763900000600,
  KeysetIndexes1763900000700,
  ComputedFigures1763900000800,
  ZoneDataBumpedOnly1763900000900,
];
