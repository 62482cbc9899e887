import { definition as anhui } from '@devzone/zone-anhui';
import { definition as chengxi } from '@devzone/zone-chengxi';
import { definition as jinjiang } from '@devzone/zone-jinjiang';
import { definition as yongkang } from '@devzone/zone-yongkang';
import type { ZoneServiceDefinition } from '@devzone/zone-subgraph';

/** The zone services the province runs today, in start order. */
export const ZONE_SERVICES: readonly ZoneServiceDefinition[] = [yongkang, chengxi, jinjiang, anhui];
