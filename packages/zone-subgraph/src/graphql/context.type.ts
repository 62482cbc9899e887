import type { ZoneLoaders } from '../loaders/createLoaders';

export interface ZoneContext {
  loaders: ZoneLoaders;
  /** Zones this service hosts: it answers for no other. */
  hostedZoneIds: ReadonlySet<string>;
}
