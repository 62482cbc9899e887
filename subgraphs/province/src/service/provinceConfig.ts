import { RESILIENCE_DEFAULTS, ZONE_READ_CACHE_BOUNDS, type EntityStoreOptions, type ResilienceOptions } from '@devzone/shard-router';
import { blankAsUnset, envFixedPort, envHost, envOptionalString, envPort, envPostgresUrl, envSigningKeys, envTimeoutMs } from '@devzone/subgraph-kit';
import { z } from 'zod';

const bounded = (min: number, max: number, fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

/** The province service started on its own (`node subgraphs/province/dist/main.js`), with the kit's rules for each variable. */
export const provinceEnvSchema = z.object({
  PORT: envPort(4001),
  HOST: envHost,
  DATABASE_URL: envPostgresUrl,
  EMBEDDED_PG_DIR: envOptionalString,
  EMBEDDED_PG_PORT: envFixedPort(50001),
  DIRECTORY_FILE: envOptionalString,
  PRESET_FILE: envOptionalString,
  /** Folder of the source articles and their index.json. @default the repository's data/sources */
  SOURCES_DIR: envOptionalString,
  /**
   * Deadline of the province's own requests to a zone service (zone reads, lookups by id), like the gateway's variable.
   * Keep it below the gateway's PROVINCE_TIMEOUT_MS, or a hung zone is reported as a failed province.
   */
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
  /**
   * The gateway's deadline for the province: all zone requests of one province request fit
   * within it, so set it as the gateway's is set. The breaker, retry and answer-size
   * variables below are the gateway's too, with its bounds (gateway/src/resilienceConfig.ts).
   */
  PROVINCE_TIMEOUT_MS: envTimeoutMs(RESILIENCE_DEFAULTS.provinceTimeoutMs),
  BREAKER_FAILURE_THRESHOLD: bounded(1, 1000, RESILIENCE_DEFAULTS.breakerFailureThreshold),
  BREAKER_COOL_DOWN_MS: bounded(100, 600_000, RESILIENCE_DEFAULTS.breakerCoolDownMs),
  RETRY_MAX_JITTER_MS: z.preprocess(
    blankAsUnset,
    z.union([z.literal('off'), z.coerce.number().int().min(0).max(10_000)]).default(RESILIENCE_DEFAULTS.retryMaxJitterMs ?? 'off'),
  ),
  SUBGRAPH_MAX_RESPONSE_BYTES: bounded(1024, 1024 ** 3, RESILIENCE_DEFAULTS.maxResponseBytes),
  /** The zone-read cache of the province's zone reads (`on`, the default, or `off`), the gateway's variable. */
  ZONE_READ_CACHE: z.preprocess(blankAsUnset, z.enum(['on', 'off']).default('on')),
  /** Entities it keeps at most, and their estimated memory at most: the gateway's variables and bounds. */
  ZONE_READ_CACHE_MAX_ENTRIES: bounded(ZONE_READ_CACHE_BOUNDS.maxEntries.min, ZONE_READ_CACHE_BOUNDS.maxEntries.max, ZONE_READ_CACHE_BOUNDS.maxEntries.default),
  ZONE_READ_CACHE_MAX_BYTES: bounded(ZONE_READ_CACHE_BOUNDS.maxBytes.min, ZONE_READ_CACHE_BOUNDS.maxBytes.max, ZONE_READ_CACHE_BOUNDS.maxBytes.default),
  /** Required: the keys shared with the gateway and the zone services (`keyId:secret,...`, the first one signs). */
  SERVICE_SIGNING_KEYS: envSigningKeys,
});

/** The province's settings for its requests to zone services (deadlines, breakers, retries, answer size). */
export function zoneResilienceOf(config: z.infer<typeof provinceEnvSchema>): ResilienceOptions {
  return {
    timeoutMs: config.ZONE_TIMEOUT_MS,
    requestTimeoutMs: config.PROVINCE_TIMEOUT_MS,
    breakerFailureThreshold: config.BREAKER_FAILURE_THRESHOLD,
    breakerCoolDownMs: config.BREAKER_COOL_DOWN_MS,
    retryMaxJitterMs: config.RETRY_MAX_JITTER_MS === 'off' ? null : config.RETRY_MAX_JITTER_MS,
    maxResponseBytes: config.SUBGRAPH_MAX_RESPONSE_BYTES,
  };
}

/** The bounds of the province's zone-read cache, or `off`. */
export function zoneReadCacheOf(config: z.infer<typeof provinceEnvSchema>): EntityStoreOptions | 'off' {
  if (config.ZONE_READ_CACHE === 'off') return 'off';
  return { maxEntries: config.ZONE_READ_CACHE_MAX_ENTRIES, maxBytes: config.ZONE_READ_CACHE_MAX_BYTES };
}
