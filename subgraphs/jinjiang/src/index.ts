import { resolve } from 'node:path';
import type { ZoneServiceDefinition } from '@devzone/zone-subgraph';

/** The jinjiang zone service: the shared zone subgraph with this package's seed data. */
export const definition: ZoneServiceDefinition = {
  name: 'jinjiang',
  seedDir: resolve(__dirname, '../seed'),
  defaultPort: 4013,
};
