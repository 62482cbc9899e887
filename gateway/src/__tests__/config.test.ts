import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { loadGatewayConfig, loadHttpPathConfig, loadZoneReadCacheConfig } from '../config';

const SERVICE_SIGNING_KEYS = 'k1:0123456789abcdef0123456789abcdef';
const registryUrl = 'postgres://gateway@registry-db:5432/devzone_province';
const zoneServices = JSON.stringify([{ name: 'anhui', url: 'http://localhost:4101/graphql', zoneIds: ['chuzhou', 'feixi'] }]);

describe('loadGatewayConfig', () => {
  it('reads the environment, with defaults', () => {
    const config = loadGatewayConfig({ PROVINCE_URL: 'http://localhost:4100/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS });

    expect(config).toMatchObject({ mode: 'static', port: 4000, provinceUrl: 'http://localhost:4100/graphql', timeoutMs: 5000 });
    expect(config.mode === 'static' && config.registry.serviceForZone('feixi')?.name).toBe('anhui');
  });

  it('reads PORT and ZONE_TIMEOUT_MS', () => {
    const config = loadGatewayConfig({
      PORT: '0',
      ZONE_TIMEOUT_MS: '250',
      PROVINCE_URL: 'http://p/graphql',
      ZONE_SERVICES: zoneServices,
      SERVICE_SIGNING_KEYS,
    });

    expect(config).toMatchObject({ port: 0, timeoutMs: 250 });
  });

  it('leaves the limits, the rate limit and debug errors to their defaults when unset', () => {
    const config = loadGatewayConfig({ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS, GATEWAY_MAX_COST: ' ' });

    expect(config).toMatchObject({ limits: {}, rateLimit: {}, debugErrors: false });
  });

  it('reads the limits, the rate limit and DEVZONE_DEBUG_ERRORS', () => {
    const config = loadGatewayConfig({
      PROVINCE_URL: 'http://p/graphql',
      ZONE_SERVICES: zoneServices,
      SERVICE_SIGNING_KEYS,
      GATEWAY_MAX_DEPTH: '8',
      GATEWAY_MAX_ALIASES: '5',
      GATEWAY_MAX_ROOT_FIELDS: '4',
      GATEWAY_MAX_TOKENS: '900',
      GATEWAY_MAX_DIRECTIVES: '3',
      GATEWAY_MAX_OPERATION_NAME_LENGTH: '40',
      GATEWAY_MAX_LIST_SIZE: '200',
      GATEWAY_MAX_COST: '10000',
      GATEWAY_DEFAULT_LIST_SIZE: '25',
      GATEWAY_FETCH_COST: '50',
      GATEWAY_RATE_LIMIT_PER_SECOND: '5',
      GATEWAY_RATE_LIMIT_BURST: '20',
      DEVZONE_DEBUG_ERRORS: '1',
    });

    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 5,
      maxRootFields: 4,
      maxTokens: 900,
      maxDirectives: 3,
      maxOperationNameLength: 40,
      maxListSize: 200,
      maxCost: 10000,
      defaultListSize: 25,
      fetchCost: 50,
    });
    expect(config.rateLimit).toEqual({ ratePerSecond: 5, burst: 20 });
    expect(config.debugErrors).toBe(true);
  });

  it('turns the rate limit off with GATEWAY_RATE_LIMIT_PER_SECOND=0', () => {
    expect(
      loadGatewayConfig({ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS, GATEWAY_RATE_LIMIT_PER_SECOND: '0' }).rateLimit,
    ).toBe(false);
  });

  it('reads registry mode from REGISTRY_DATABASE_URL, with defaults', () => {
    const config = loadGatewayConfig({ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: registryUrl, ZONE_SERVICES: ' ' });

    expect(config).toMatchObject({
      mode: 'registry',
      registrySource: {
        databaseUrl: registryUrl,
        stateFile: resolve('.data/gateway-supergraph.json'),
        pollIntervalMs: 1000,
        healthIntervalMs: 10_000,
        replicaId: `${hostname()}:${process.pid}`,
      },
    });
    expect(config).not.toHaveProperty('registry');
  });

  it('reads the state file, the poll and health intervals and the replica id', () => {
    const config = loadGatewayConfig({
      PROVINCE_URL: 'http://p/graphql',
      SERVICE_SIGNING_KEYS,
      REGISTRY_DATABASE_URL: registryUrl,
      GATEWAY_STATE_FILE: '/var/lib/gateway/supergraph.json',
      REGISTRY_POLL_MS: '250',
      GATEWAY_HEALTH_INTERVAL_MS: '30000',
      GATEWAY_REPLICA_ID: 'gateway-2',
    });

    expect(config.mode === 'registry' && config.registrySource).toEqual({
      databaseUrl: registryUrl,
      stateFile: '/var/lib/gateway/supergraph.json',
      pollIntervalMs: 250,
      healthIntervalMs: 30_000,
      replicaId: 'gateway-2',
    });
  });

  it.each([
    [{ GATEWAY_MAX_DEPTH: '0', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /GATEWAY_MAX_DEPTH/],
    [{ GATEWAY_MAX_COST: 'lots', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /GATEWAY_MAX_COST/],
    [{ DEVZONE_DEBUG_ERRORS: 'yes', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /DEVZONE_DEBUG_ERRORS/],
    [{ ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /PROVINCE_URL/],
    [{ PROVINCE_URL: 'not a url', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /PROVINCE_URL/],
    [{ PORT: 'eighty', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /PORT/],
    [{ ZONE_TIMEOUT_MS: '-1', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS }, /ZONE_TIMEOUT_MS/],
    [{ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS }, /ZONE_SERVICES is not set: .*or set REGISTRY_DATABASE_URL/],
    [
      { PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, ZONE_SERVICES: zoneServices, REGISTRY_DATABASE_URL: registryUrl },
      /ZONE_SERVICES and REGISTRY_DATABASE_URL are both set/,
    ],
    [{ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: 'mysql://db/registry' }, /REGISTRY_DATABASE_URL: must be a postgres/],
    [{ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: registryUrl, REGISTRY_POLL_MS: '99' }, /REGISTRY_POLL_MS/],
    [{ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: registryUrl, REGISTRY_POLL_MS: '60001' }, /REGISTRY_POLL_MS/],
    [
      { PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: registryUrl, GATEWAY_HEALTH_INTERVAL_MS: '999' },
      /GATEWAY_HEALTH_INTERVAL_MS/,
    ],
    [
      { PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, REGISTRY_DATABASE_URL: registryUrl, GATEWAY_HEALTH_INTERVAL_MS: '600001' },
      /GATEWAY_HEALTH_INTERVAL_MS/,
    ],
    [{ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices }, /SERVICE_SIGNING_KEYS: required/],
    [{ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices, SERVICE_SIGNING_KEYS: 'k1:short' }, /SERVICE_SIGNING_KEYS/],
    [{ PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, ZONE_SERVICES: '[{' }, /ZONE_SERVICES is not valid JSON/],
    [
      { PROVINCE_URL: 'http://p/graphql', SERVICE_SIGNING_KEYS, ZONE_SERVICES: '[{"name":"anhui","url":"x","zoneIds":[]}]' },
      /ZONE_SERVICES is invalid: \[0\]\.url/,
    ],
  ])('names the invalid variable (%j)', (env, message) => {
    expect(() => loadGatewayConfig(env)).toThrow(message);
  });
});

describe('loadZoneReadCacheConfig', () => {
  it('turns the cache on by default, with its bounds', () => {
    expect(loadZoneReadCacheConfig({})).toEqual({ enabled: true, maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 });
    expect(loadZoneReadCacheConfig({ ZONE_READ_CACHE: ' ', ZONE_READ_CACHE_MAX_ENTRIES: '' })).toMatchObject({ enabled: true, maxEntries: 10_000 });
  });

  it('reads ZONE_READ_CACHE, ZONE_READ_CACHE_MAX_ENTRIES and ZONE_READ_CACHE_MAX_BYTES', () => {
    expect(loadZoneReadCacheConfig({ ZONE_READ_CACHE: 'off', ZONE_READ_CACHE_MAX_ENTRIES: '500', ZONE_READ_CACHE_MAX_BYTES: '1048576' })).toEqual({
      enabled: false,
      maxEntries: 500,
      maxBytes: 1_048_576,
    });
  });

  it.each([
    [{ ZONE_READ_CACHE: 'yes' }, /ZONE_READ_CACHE/],
    [{ ZONE_READ_CACHE_MAX_ENTRIES: '0' }, /ZONE_READ_CACHE_MAX_ENTRIES/],
    [{ ZONE_READ_CACHE_MAX_ENTRIES: 'many' }, /ZONE_READ_CACHE_MAX_ENTRIES/],
    [{ ZONE_READ_CACHE_MAX_BYTES: '1000' }, /ZONE_READ_CACHE_MAX_BYTES/],
  ])('names the invalid variable (%j)', (env, message) => {
    expect(() => loadZoneReadCacheConfig(env)).toThrow(message);
  });
});

describe('loadHttpPathConfig', () => {
  it('turns in-flight dedup and compression on by default, with a 30 MiB plan cache, directory lookups kept 10 s, a 32 MiB answer cache and prepared reads', () => {
    expect(loadHttpPathConfig({})).toEqual({
      dedupInFlight: true,
      compression: true,
      queryPlanCacheBytes: 30 * 1024 * 1024,
      directoryLookupTtlMs: 10_000,
      answerCacheBytes: 32 * 1024 * 1024,
      preparedReads: true,
    });
    expect(loadHttpPathConfig({ GATEWAY_DEDUP_INFLIGHT: ' ', GATEWAY_QUERY_PLAN_CACHE_MIB: '' })).toMatchObject({
      dedupInFlight: true,
      queryPlanCacheBytes: 30 * 1024 * 1024,
    });
  });

  it('reads GATEWAY_DEDUP_INFLIGHT, GATEWAY_COMPRESSION, GATEWAY_QUERY_PLAN_CACHE_MIB, GATEWAY_DIRECTORY_CACHE_TTL_MS, GATEWAY_ANSWER_CACHE_MIB and GATEWAY_PREPARED_READS', () => {
    expect(
      loadHttpPathConfig({
        GATEWAY_DEDUP_INFLIGHT: 'false',
        GATEWAY_COMPRESSION: 'false',
        GATEWAY_QUERY_PLAN_CACHE_MIB: '64',
        GATEWAY_DIRECTORY_CACHE_TTL_MS: '0',
        GATEWAY_ANSWER_CACHE_MIB: '0',
        GATEWAY_PREPARED_READS: 'false',
      }),
    ).toEqual({
      dedupInFlight: false,
      compression: false,
      queryPlanCacheBytes: 64 * 1024 * 1024,
      directoryLookupTtlMs: 0,
      answerCacheBytes: 0,
      preparedReads: false,
    });
    expect(loadHttpPathConfig({ GATEWAY_ANSWER_CACHE_MIB: '128' }).answerCacheBytes).toBe(128 * 1024 * 1024);
    expect(loadHttpPathConfig({ GATEWAY_DEDUP_INFLIGHT: 'true', GATEWAY_COMPRESSION: 'true' })).toMatchObject({ dedupInFlight: true, compression: true });
  });

  it.each([
    [{ GATEWAY_DEDUP_INFLIGHT: 'off' }, /GATEWAY_DEDUP_INFLIGHT/],
    [{ GATEWAY_COMPRESSION: '0' }, /GATEWAY_COMPRESSION/],
    [{ GATEWAY_PREPARED_READS: 'yes' }, /GATEWAY_PREPARED_READS/],
    [{ GATEWAY_QUERY_PLAN_CACHE_MIB: '0' }, /GATEWAY_QUERY_PLAN_CACHE_MIB/],
    [{ GATEWAY_QUERY_PLAN_CACHE_MIB: 'lots' }, /GATEWAY_QUERY_PLAN_CACHE_MIB/],
    [{ GATEWAY_DIRECTORY_CACHE_TTL_MS: '-1' }, /GATEWAY_DIRECTORY_CACHE_TTL_MS/],
    [{ GATEWAY_DIRECTORY_CACHE_TTL_MS: '300001' }, /GATEWAY_DIRECTORY_CACHE_TTL_MS/],
    [{ GATEWAY_DIRECTORY_CACHE_TTL_MS: '1.5' }, /GATEWAY_DIRECTORY_CACHE_TTL_MS/],
    [{ GATEWAY_ANSWER_CACHE_MIB: '-1' }, /GATEWAY_ANSWER_CACHE_MIB/],
    [{ GATEWAY_ANSWER_CACHE_MIB: '4097' }, /GATEWAY_ANSWER_CACHE_MIB/],
    [{ GATEWAY_ANSWER_CACHE_MIB: 'big' }, /GATEWAY_ANSWER_CACHE_MIB/],
  ])('names the invalid variable (%j)', (env, message) => {
    expect(() => loadHttpPathConfig(env)).toThrow(message);
  });
});
