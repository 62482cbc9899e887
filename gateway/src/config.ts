import { StaticZoneServiceRegistry } from '@devzone/registry';
import { z } from 'zod';
import { parseOrThrow } from '@devzone/errors';

/** Everything `startGateway` needs, read from the environment. */
export interface GatewayConfig {
  readonly port: number;
  readonly provinceUrl: string;
  readonly timeoutMs: number;
  readonly registry: StaticZoneServiceRegistry;
}

/** An unset or blank variable takes the default. */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const environmentSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(4000)),
  /** GraphQL endpoint of the province subgraph. */
  PROVINCE_URL: z.url(),
  /** Deadline of one request to one zone service, in milliseconds. */
  ZONE_TIMEOUT_MS: z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(5000)),
});

/**
 * Reads PORT (default 4000), PROVINCE_URL, ZONE_SERVICES (JSON array of
 * `{ name, url, zoneIds }`) and ZONE_TIMEOUT_MS (default 5000). Throws an error
 * naming each invalid variable.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseOrThrow(environmentSchema, env, 'gateway environment');
  return {
    port: parsed.PORT,
    provinceUrl: parsed.PROVINCE_URL,
    timeoutMs: parsed.ZONE_TIMEOUT_MS,
    registry: StaticZoneServiceRegistry.fromEnv(env, 'ZONE_SERVICES'),
  };
}
