import { StaticZoneServiceRegistry } from '@devzone/registry';
import { envHost, envPort, envTimeoutMs, envUrl, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';

/** Everything `startGateway` needs, read from the environment. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly provinceUrl: string;
  readonly timeoutMs: number;
  readonly registry: StaticZoneServiceRegistry;
}

const environmentSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  PORT: envPort(4000),
  HOST: envHost,
  /** GraphQL endpoint of the province subgraph. */
  PROVINCE_URL: envUrl(),
  /** Deadline of one request to one zone service, in milliseconds. */
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
});

/**
 * Reads PORT (default 4000), HOST (default 127.0.0.1), PROVINCE_URL, ZONE_SERVICES
 * (JSON array of `{ name, url, zoneIds }`) and ZONE_TIMEOUT_MS (default 5000,
 * 100-120000), with the rules every service applies. Throws an error naming
 * each invalid variable.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnvironment(environmentSchema, env);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    provinceUrl: parsed.PROVINCE_URL,
    timeoutMs: parsed.ZONE_TIMEOUT_MS,
    registry: StaticZoneServiceRegistry.fromEnv(env, 'ZONE_SERVICES'),
  };
}
