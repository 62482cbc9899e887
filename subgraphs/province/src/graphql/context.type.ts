import type { ZoneServiceRegistry } from '@devzone/registry';
import type { Principal } from '@devzone/subgraph-kit';
import type { DataSource } from 'typeorm';
import type { ProvinceRegistry } from '../registry/provinceRegistry';
import type { SourceLibrary } from '../sources/SourceLibrary';
import type { ZoneReader } from '../zoneReader/zoneReader';
import type { ZoneRoute } from '../zoneReader/zoneRoute';
import type { ProvinceLoaders } from './loaders';

export interface ProvinceContext {
  dataSource: DataSource;
  registry: ZoneServiceRegistry;
  /** The runtime registry (register, update, deregister, status, history); absent when the zone services are a static list. */
  runtimeRegistry?: ProvinceRegistry;
  zoneReader: ZoneReader;
  loaders: ProvinceLoaders;
  sources: SourceLibrary;
  /** Who the gateway asks on behalf of: from a signed request only; null when it forwarded no one. */
  principal: Principal | null;
  /** How this request's own calls reach the zone services (reads, lookups by id), signed for the same principal. */
  zoneRoute: ZoneRoute;
}
