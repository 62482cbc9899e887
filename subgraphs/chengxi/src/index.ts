import { resolve } from 'node:path';
import type { ZoneServiceDefinition } from '@devzone/zone-subgraph';

/** The chengxi zone service: the shared zone subgraph with this package's seed data. */
export const definition: ZoneServiceDefinition = {
  name: 'chengxi',
  seedDir: resolve(__dirname, '../seed'),
  defaultPort: 4012,
};
