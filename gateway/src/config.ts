import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { envSigningKeys, type SigningKeys } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { blankAsUnset, envHost, envOptionalString, envPort, envPostgresUrl, envTimeoutMs, envUrl, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';
import type { OperationLimits } from './plugins/operationLimits';
import type { RateLimitOptions } from './http/rateLimit';
import { INTROSPECTION_POLICIES, type IntrospectionPolicy } from './plugins/introspectionPolicy';
import { ZONE_READ_CACHE_BOUNDS } from '@devzone/shard-router';

interface GatewayCommonConfig {
  readonly port: number;
  readonly host: string;
  readonly provinceUrl: string;
  readonly timeoutMs: number;
  /** SERVICE_SIGNING_KEYS: every subgraph request is signed with the first; the services refuse anything unsigned. */
  readonly signingKeys: SigningKeys;
  readonly limits: OperationLimits;
  /** false: no rate limit. */
  readonly rateLimit: RateLimitOptions | false;
  readonly debugErrors: boolean;
}

/** ZONE_SERVICES is set: a fixed list, and the gateway composes the supergraph itself. */
export interface StaticGatewayConfig extends GatewayCommonConfig {
  readonly mode: 'static';
  readonly registry: StaticZoneServiceRegistry;
}

/** REGISTRY_DATABASE_URL is set: the gateway serves what the runtime registry accepted. */
export interface RegistryGatewayConfig extends GatewayCommonConfig {
  readonly mode: 'registry';
  readonly registrySource: RegistrySourceConfig;
}

/** Everything `startGateway` needs, read from the environment. */
export type GatewayConfig = StaticGatewayConfig | RegistryGatewayConfig;

/** Registry mode's settings; see `RegistrySource` for what each does. */
export interface RegistrySourceConfig {
  /** REGISTRY_DATABASE_URL: the registry's database (the province's). */
  readonly databaseUrl: string;
  /** GATEWAY_STATE_FILE, resolved against the working directory. */
  readonly stateFile: string;
  /** REGISTRY_POLL_MS. */
  readonly pollIntervalMs: number;
  /** GATEWAY_HEALTH_INTERVAL_MS. */
  readonly healthIntervalMs: number;
  /** GATEWAY_REPLICA_ID. */
  readonly replicaId: string;
}

/** Where a replica keeps its last served supergraph unless GATEWAY_STATE_FILE says otherwise, relative to the working directory. */
export const DEFAULT_GATEWAY_STATE_FILE = '.data/gateway-supergraph.json';

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
  /** Static mode: a JSON array of `{ name, url, zoneIds }` (read by `StaticZoneServiceRegistry.fromEnv`). */
  ZONE_SERVICES: envOptionalString,
  /** Registry mode: the runtime registry's database. */
  REGISTRY_DATABASE_URL: envPostgresUrl,
  GATEWAY_STATE_FILE: envOptionalString,
  REGISTRY_POLL_MS: envCount(100, 60_000),
  GATEWAY_HEALTH_INTERVAL_MS: envCount(1000, 600_000),
  GATEWAY_REPLICA_ID: envOptionalString,
});

/**
 * Reads PORT (default 4000), HOST (default 127.0.0.1), PROVINCE_URL, ZONE_TIMEOUT_MS
 * (default 5000, 100-120000), SERVICE_SIGNING_KEYS, the front door's variables
 * (`loadFrontDoorConfig`) and where the zone services come from, one of:
 * - ZONE_SERVICES (static mode): a JSON array of `{ name, url, zoneIds }`;
 * - REGISTRY_DATABASE_URL (registry mode): the runtime registry's database, with
 *   GATEWAY_STATE_FILE (default `.data/gateway-supergraph.json`, relative to the working
 *   directory), REGISTRY_POLL_MS (100-60000, default 1000), GATEWAY_HEALTH_INTERVAL_MS
 *   (1000-600000, default 10000) and GATEWAY_REPLICA_ID (default `<hostname>:<pid>`).
 * Applies the rules every service applies; throws an error naming each invalid variable.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnvironment(environmentSchema.extend(frontDoorSchema.shape), env);
  const common: GatewayCommonConfig = {
    ...frontDoorOf(parsed),
    port: parsed.PORT,
    host: parsed.HOST,
    provinceUrl: parsed.PROVINCE_URL,
    timeoutMs: parsed.ZONE_TIMEOUT_MS,
    signingKeys: parsed.SERVICE_SIGNING_KEYS,
  };
  const databaseUrl = parsed.REGISTRY_DATABASE_URL;
  if (databaseUrl !== undefined && parsed.ZONE_SERVICES !== undefined) {
    throw new Error(
      'ZONE_SERVICES and REGISTRY_DATABASE_URL are both set: set ZONE_SERVICES for a fixed list, or REGISTRY_DATABASE_URL to serve the runtime registry',
    );
  }
  if (databaseUrl === undefined) {
    if (parsed.ZONE_SERVICES === undefined) {
      throw new Error('ZONE_SERVICES is not set: expected a JSON array of { name, url, zoneIds }, or set REGISTRY_DATABASE_URL to serve the runtime registry');
    }
    return { ...common, mode: 'static', registry: StaticZoneServiceRegistry.fromEnv(env, 'ZONE_SERVICES') };
  }
  return {
    ...common,
    mode: 'registry',
    registrySource: {
      databaseUrl,
      stateFile: resolve(parsed.GATEWAY_STATE_FILE ?? DEFAULT_GATEWAY_STATE_FILE),
      pollIntervalMs: parsed.REGISTRY_POLL_MS ?? 1000,
      healthIntervalMs: parsed.GATEWAY_HEALTH_INTERVAL_MS ?? 10_000,
      replicaId: parsed.GATEWAY_REPLICA_ID ?? `${hostname()}:${process.pid}`,
    },
  };
}

/** The zone-read cache's settings (`gateway/src/zoneReadCache`); `enabled: false` serves every zone read uncached. */
export interface ZoneReadCacheConfig {
  /** ZONE_READ_CACHE: `on` (default) or `off`. */
  readonly enabled: boolean;
  /** ZONE_READ_CACHE_MAX_ENTRIES: entities kept at most (the least recently used go first). */
  readonly maxEntries: number;
  /** ZONE_READ_CACHE_MAX_BYTES: estimated memory they may take at most. */
  readonly maxBytes: number;
}

/** The same bounds and defaults the province reads its cache variables with. */
const { maxEntries: ENTRIES, maxBytes: BYTES } = ZONE_READ_CACHE_BOUNDS;
export const ZONE_READ_CACHE_DEFAULTS: Omit<ZoneReadCacheConfig, 'enabled'> = { maxEntries: ENTRIES.default, maxBytes: BYTES.default };

/** A whole number in a range; unset or blank takes `fallback`. */
const envBoundedCount = (min: number, max: number, fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const zoneReadCacheSchema = z.object({
  ZONE_READ_CACHE: z.preprocess(blankAsUnset, z.enum(['on', 'off']).default('on')),
  ZONE_READ_CACHE_MAX_ENTRIES: envBoundedCount(ENTRIES.min, ENTRIES.max, ENTRIES.default),
  /** 64 KiB to 16 GiB. */
  ZONE_READ_CACHE_MAX_BYTES: envBoundedCount(BYTES.min, BYTES.max, BYTES.default),
});

/**
 * Reads ZONE_READ_CACHE (`on`, the default, or `off`), ZONE_READ_CACHE_MAX_ENTRIES
 * (1-10000000, default 10000) and ZONE_READ_CACHE_MAX_BYTES (65536-17179869184, default
 * 64 MiB); throws an error naming each invalid variable.
 */
export function loadZoneReadCacheConfig(env: NodeJS.ProcessEnv = process.env): ZoneReadCacheConfig {
  const parsed = parseEnvironment(zoneReadCacheSchema, env);
  return { enabled: parsed.ZONE_READ_CACHE === 'on', maxEntries: parsed.ZONE_READ_CACHE_MAX_ENTRIES, maxBytes: parsed.ZONE_READ_CACHE_MAX_BYTES };
}

/** How the gateway serves and fetches: in-flight dedup of subgraph reads, answer compression, the query-plan cache's size. */
export interface HttpPathConfig {
  /** GATEWAY_DEDUP_INFLIGHT: identical subgraph reads of the same principal in flight together are sent once, across requests. */
  readonly dedupInFlight: boolean;
  /** GATEWAY_COMPRESSION: answers of 1 KiB or more are compressed for clients that accept it. */
  readonly compression: boolean;
  /** GATEWAY_QUERY_PLAN_CACHE_MIB, in bytes: the estimated memory the query-plan cache may take. */
  readonly queryPlanCacheBytes: number;
  /**
   * GATEWAY_DIRECTORY_CACHE_TTL_MS: how long the province's answer to a key-only zone lookup
   * (`zone(id:) { id }`, what a plan asks before the zone's own fields) is served from memory; 0: always asked.
   */
  readonly directoryLookupTtlMs: number;
  /**
   * GATEWAY_ANSWER_CACHE_MIB, in bytes: the estimated memory whole answers to client queries may
   * take in the answer cache (served again while their zones keep their data versions); 0: no
   * answer cache. It works with the zone-read cache only (ZONE_READ_CACHE=on).
   */
  readonly answerCacheBytes: number;
  /**
   * GATEWAY_PREPARED_READS: an operation whose plan is a directory lookup and one entity fetch
   * (`zone(id: "…") { … }`), or one fetch from the root, is answered, once learned, without Apollo
   * Server's pipeline and executor.
   */
  readonly preparedReads: boolean;
}

export const HTTP_PATH_DEFAULTS: HttpPathConfig = {
  dedupInFlight: true,
  compression: true,
  queryPlanCacheBytes: 30 * 1024 * 1024,
  directoryLookupTtlMs: 10_000,
  answerCacheBytes: 32 * 1024 * 1024,
  preparedReads: true,
};

const envSwitch = (fallback: boolean) =>
  z.preprocess(
    blankAsUnset,
    z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => (value === undefined ? fallback : value === 'true')),
  );

const httpPathSchema = z.object({
  GATEWAY_DEDUP_INFLIGHT: envSwitch(HTTP_PATH_DEFAULTS.dedupInFlight),
  GATEWAY_COMPRESSION: envSwitch(HTTP_PATH_DEFAULTS.compression),
  GATEWAY_QUERY_PLAN_CACHE_MIB: envCount(1, 4096),
  GATEWAY_DIRECTORY_CACHE_TTL_MS: envBoundedCount(0, 300_000, HTTP_PATH_DEFAULTS.directoryLookupTtlMs),
  GATEWAY_ANSWER_CACHE_MIB: envBoundedCount(0, 4096, HTTP_PATH_DEFAULTS.answerCacheBytes / (1024 * 1024)),
  GATEWAY_PREPARED_READS: envSwitch(HTTP_PATH_DEFAULTS.preparedReads),
});

/**
 * Reads GATEWAY_DEDUP_INFLIGHT, GATEWAY_COMPRESSION and GATEWAY_PREPARED_READS (`true`, the default, or `false`),
 * GATEWAY_QUERY_PLAN_CACHE_MIB (1-4096, default 30), GATEWAY_DIRECTORY_CACHE_TTL_MS
 * (0-300000, default 10000) and GATEWAY_ANSWER_CACHE_MIB (0-4096, default 32); throws an error
 * naming each invalid variable.
 */
export function loadHttpPathConfig(env: NodeJS.ProcessEnv = process.env): HttpPathConfig {
  const parsed = parseEnvironment(httpPathSchema, env);
  return {
    dedupInFlight: parsed.GATEWAY_DEDUP_INFLIGHT,
    compression: parsed.GATEWAY_COMPRESSION,
    queryPlanCacheBytes: (parsed.GATEWAY_QUERY_PLAN_CACHE_MIB ?? HTTP_PATH_DEFAULTS.queryPlanCacheBytes / (1024 * 1024)) * 1024 * 1024,
    directoryLookupTtlMs: parsed.GATEWAY_DIRECTORY_CACHE_TTL_MS,
    answerCacheBytes: parsed.GATEWAY_ANSWER_CACHE_MIB * 1024 * 1024,
    preparedReads: parsed.GATEWAY_PREPARED_READS,
  };
}
