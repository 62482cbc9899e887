import { envSigningKeys, type SigningKeys } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { blankAsUnset, envHost, envPort, envTimeoutMs, envUrl, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';
import type { OperationLimits } from './plugins/operationLimits';
import type { RateLimitOptions } from './http/rateLimit';
import { INTROSPECTION_POLICIES, type IntrospectionPolicy } from './plugins/introspectionPolicy';

/** Everything `startGateway` needs, read from the environment. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly provinceUrl: string;
  readonly timeoutMs: number;
  readonly registry: StaticZoneServiceRegistry;
  /** SERVICE_SIGNING_KEYS: every subgraph request is signed with the first; the services refuse anything unsigned. */
  readonly signingKeys: SigningKeys;
  readonly limits: OperationLimits;
  /** false: no rate limit. */
  readonly rateLimit: RateLimitOptions | false;
  readonly debugErrors: boolean;
}

/** What the front door reads from the environment; unset variables are left out (the options' defaults apply). */
export interface FrontDoorConfig {
  readonly limits: OperationLimits;
  readonly rateLimit: RateLimitOptions | false;
  readonly debugErrors: boolean;
  /** GATEWAY_INTROSPECTION: who may introspect and get field suggestions. */
  readonly introspection: IntrospectionPolicy;
}

/** A whole number in a range; unset or blank takes the option's default. */
const envCount = (min: number, max: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).optional());

const frontDoorSchema = z.object({
  GATEWAY_MAX_DEPTH: envCount(1, 1000),
  GATEWAY_MAX_ALIASES: envCount(0, 10_000),
  GATEWAY_MAX_ROOT_FIELDS: envCount(1, 10_000),
  GATEWAY_MAX_TOKENS: envCount(1, 1_000_000),
  GATEWAY_MAX_DIRECTIVES: envCount(0, 10_000),
  GATEWAY_MAX_OPERATION_NAME_LENGTH: envCount(1, 10_000),
  GATEWAY_MAX_LIST_SIZE: envCount(1, 1_000_000),
  GATEWAY_MAX_COST: envCount(1, 1_000_000_000),
  GATEWAY_DEFAULT_LIST_SIZE: envCount(1, 1_000_000),
  GATEWAY_FETCH_COST: envCount(0, 1_000_000),
  /** 0 turns the rate limit off. */
  GATEWAY_RATE_LIMIT_PER_SECOND: envCount(0, 1_000_000),
  GATEWAY_RATE_LIMIT_BURST: envCount(1, 1_000_000),
  /** `1` answers errors with their detail and stack; anything else (or unset) masks them. */
  DEVZONE_DEBUG_ERRORS: z.preprocess(blankAsUnset, z.enum(['0', '1']).optional()),
  /** `analysts` (default): ADMIN and ANALYST callers; `all`: every authenticated caller; `off`: no one. */
  GATEWAY_INTROSPECTION: z.preprocess(blankAsUnset, z.enum(INTROSPECTION_POLICIES).optional()),
});

const definedOnly = <T extends Record<string, unknown>>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * Reads the limits (GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_ROOT_FIELDS,
 * GATEWAY_MAX_TOKENS, GATEWAY_MAX_DIRECTIVES, GATEWAY_MAX_OPERATION_NAME_LENGTH,
 * GATEWAY_MAX_LIST_SIZE, GATEWAY_MAX_COST, GATEWAY_DEFAULT_LIST_SIZE, GATEWAY_FETCH_COST),
 * the rate limit (GATEWAY_RATE_LIMIT_PER_SECOND, 0 = off; GATEWAY_RATE_LIMIT_BURST) and
 * DEVZONE_DEBUG_ERRORS. Defaults are those of the options (docs/security.md).
 */
export function loadFrontDoorConfig(env: NodeJS.ProcessEnv = process.env): FrontDoorConfig {
  return frontDoorOf(parseEnvironment(frontDoorSchema, env));
}

function frontDoorOf(parsed: z.output<typeof frontDoorSchema>): FrontDoorConfig {
  const rate = parsed.GATEWAY_RATE_LIMIT_PER_SECOND;
  return {
    limits: definedOnly({
      maxDepth: parsed.GATEWAY_MAX_DEPTH,
      maxAliases: parsed.GATEWAY_MAX_ALIASES,
      maxRootFields: parsed.GATEWAY_MAX_ROOT_FIELDS,
      maxTokens: parsed.GATEWAY_MAX_TOKENS,
      maxDirectives: parsed.GATEWAY_MAX_DIRECTIVES,
      maxOperationNameLength: parsed.GATEWAY_MAX_OPERATION_NAME_LENGTH,
      maxListSize: parsed.GATEWAY_MAX_LIST_SIZE,
      maxCost: parsed.GATEWAY_MAX_COST,
      defaultListSize: parsed.GATEWAY_DEFAULT_LIST_SIZE,
      fetchCost: parsed.GATEWAY_FETCH_COST,
    }),
    rateLimit: rate === 0 ? false : definedOnly({ ratePerSecond: rate, burst: parsed.GATEWAY_RATE_LIMIT_BURST }),
    debugErrors: parsed.DEVZONE_DEBUG_ERRORS === '1',
    introspection: parsed.GATEWAY_INTROSPECTION ?? 'analysts',
  };
}

const environmentSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  PORT: envPort(4000),
  HOST: envHost,
  /** GraphQL endpoint of the province subgraph. */
  PROVINCE_URL: envUrl(),
  /** Deadline of one request to one zone service, in milliseconds. */
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
  SERVICE_SIGNING_KEYS: envSigningKeys,
});

/**
 * Reads PORT (default 4000), HOST (default 127.0.0.1), PROVINCE_URL, ZONE_SERVICES
 * (JSON array of `{ name, url, zoneIds }`), ZONE_TIMEOUT_MS (default 5000,
 * 100-120000) and the front door's variables (`loadFrontDoorConfig`), with the
 * rules every service applies. Throws an error naming each invalid variable.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnvironment(environmentSchema.extend(frontDoorSchema.shape), env);
  return {
    ...frontDoorOf(parsed),
    port: parsed.PORT,
    host: parsed.HOST,
    provinceUrl: parsed.PROVINCE_URL,
    timeoutMs: parsed.ZONE_TIMEOUT_MS,
    signingKeys: parsed.SERVICE_SIGNING_KEYS,
    registry: StaticZoneServiceRegistry.fromEnv(env, 'ZONE_SERVICES'),
  };
}
