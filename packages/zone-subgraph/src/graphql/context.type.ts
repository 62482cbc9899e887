import type { Principal } from '@devzone/subgraph-kit';
import type { DataSource } from 'typeorm';
import type { ZoneLoaders } from '../loaders/createLoaders';

export interface ZoneContext {
  loaders: ZoneLoaders;
  /** Zones this service hosts: it answers for no other. */
  hostedZoneIds: ReadonlySet<string>;
  /** Who the gateway (or the province) asks on behalf of: from a signed request only; null when it forwarded no one. */
  principal: Principal | null;
  /** The zone database: upkeep mutations write through it, in their own transactions. */
  dataSource: DataSource;
}
