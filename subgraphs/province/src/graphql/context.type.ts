import type { ZoneServiceRegistry } from '@devzone/registry';
import type { DataSource } from 'typeorm';
import type { SourceLibrary } from '../sources/SourceLibrary';
import type { ZoneReader } from '../zoneReader/zoneReader';
import type { ProvinceLoaders } from './loaders';

export interface ProvinceContext {
  dataSource: DataSource;
  registry: ZoneServiceRegistry;
  zoneReader: ZoneReader;
  loaders: ProvinceLoaders;
  sources: SourceLibrary;
}
