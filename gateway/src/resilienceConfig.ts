import { blankAsUnset, envTimeoutMs, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';
import { RESILIENCE_DEFAULTS, type ResilienceOptions } from '@devzone/shard-router';

const defaults = RESILIENCE_DEFAULTS;
const bounded = (min: number, max: number, fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const environmentSchema = z.object({
  /** Deadline of one fetch to a zone service (the composer's SDL fetches get the larger of this and PROVINCE_TIMEOUT_MS). */
  ZONE_TIMEOUT_MS: envTimeoutMs(defaults.timeoutMs),
  /** Deadline of one fetch to the province service. */
  PROVINCE_TIMEOUT_MS: envTimeoutMs(defaults.provinceTimeoutMs),
  /** Deadline of one client operation, shared by all its fetches. */
  GATEWAY_REQUEST_TIMEOUT_MS: envTimeoutMs(defaults.requestTimeoutMs),
  /** Consecutive failures of one service that open its circuit breaker. */
  BREAKER_FAILURE_THRESHOLD: bounded(1, 1000, defaults.breakerFailureThreshold),
  /** How long an open breaker refuses calls before one probe. */
  BREAKER_COOL_DOWN_MS: bounded(100, 600_000, defaults.breakerCoolDownMs),
  /** Longest jitter before the one retry of a read; 0 retries at once, `off` never. */
  RETRY_MAX_JITTER_MS: z.preprocess(
    blankAsUnset,
    z.union([z.literal('off'), z.coerce.number().int().min(0).max(10_000)]).default(defaults.retryMaxJitterMs ?? 'off'),
  ),
  /** Largest answer body accepted from a subgraph service, in bytes (1 KiB to 1 GiB). */
  SUBGRAPH_MAX_RESPONSE_BYTES: bounded(1024, 1024 ** 3, defaults.maxResponseBytes),
});

/**
 * The gateway's deadlines, breakers, retries and answer limit from the environment,
 * with the rules every service applies (blank is unset; bad values are named).
 * Spread the result into `startGateway`/`createGateway` options.
 */
export function loadResilienceConfig(env: NodeJS.ProcessEnv = process.env): Required<ResilienceOptions> {
  const parsed = parseEnvironment(environmentSchema, env);
  return {
    timeoutMs: parsed.ZONE_TIMEOUT_MS,
    provinceTimeoutMs: parsed.PROVINCE_TIMEOUT_MS,
    requestTimeoutMs: parsed.GATEWAY_REQUEST_TIMEOUT_MS,
    breakerFailureThreshold: parsed.BREAKER_FAILURE_THRESHOLD,
    breakerCoolDownMs: parsed.BREAKER_COOL_DOWN_MS,
    retryMaxJitterMs: parsed.RETRY_MAX_JITTER_MS === 'off' ? null : parsed.RETRY_MAX_JITTER_MS,
    maxResponseBytes: parsed.SUBGRAPH_MAX_RESPONSE_BYTES,
  };
}
