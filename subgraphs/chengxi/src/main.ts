import 'reflect-metadata';
import { runZoneServiceFromEnv } from '@devzone/zone-subgraph';
import { definition } from './index';

runZoneServiceFromEnv(definition);
