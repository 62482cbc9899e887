import 'reflect-metadata';
import { runZoneServiceFromEnv } from '@devzone/zone-subgraph';
import { definition } from './index';

runZoneServiceFromEnv(definition).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
