import { Registry } from 'prom-client';
import { BoundedLabelValues, OTHER_LABEL_VALUE } from './boundedLabelValues';
import { breakerStateGauge, type BreakerStateReading } from './breakerStateGauge';
import { databasePoolGauges, typeormPoolReading } from './databasePoolGauges';
import { countingQueryPlanCache } from './queryPlanCacheMetrics';
import { createServiceMetrics } from './serviceMetrics';
import { ZoneReadCacheMetrics } from './zoneReadCacheMetrics';

async function valuesOf(registry: Registry, name: string): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values.map(({ labels, value }) => ({ labels: labels as Record<string, string | number>, value }));
}

describe('metrics', () => {
  it('keeps the first distinct label values and counts later new ones as _OTHER', () => {
    const names = new BoundedLabelValues(2);
    expect(['A', 'B', 'A', 'C', 'B', 'D'].map((name) => names.valueOf(name))).toEqual(['A', 'B', 'A', OTHER_LABEL_VALUE, 'B', OTHER_LABEL_VALUE]);
  });

  it('labels request durations with method, status, route and a bounded operation name', async () => {
    const metrics = createServiceMetrics({ maxOperationNames: 1 });
    metrics.httpServer.observe({ method: 'post', route: '/graphql', statusCode: 200, operationName: 'First', seconds: 0.02 });
    metrics.httpServer.observe({ method: 'BREW', route: '/graphql', statusCode: 400, operationName: 'Second', seconds: 0.01 });
    metrics.httpServer.observe({ method: 'GET', route: '/health', statusCode: 200, operationName: undefined, seconds: 0.001 });
    const counts = (await valuesOf(metrics.registry, 'http_server_request_duration_seconds')).filter(({ labels }) => labels.le === '+Inf');
    expect(counts.map(({ labels }) => labels)).toEqual([
      { le: '+Inf', http_request_method: 'POST', http_response_status_code: '200', http_route: '/graphql', graphql_operation_name: 'First' },
      { le: '+Inf', http_request_method: '_OTHER', http_response_status_code: '400', http_route: '/graphql', graphql_operation_name: '_OTHER' },
      { le: '+Inf', http_request_method: 'GET', http_response_status_code: '200', http_route: '/health', graphql_operation_name: '' },
    ]);
  });

  it('counts GraphQL errors by code, an unknown shape as _OTHER and a missing code as _NONE', async () => {
    const metrics = createServiceMetrics();
    for (const code of ['ZONE_UNAVAILABLE', 'ZONE_UNAVAILABLE', 'lower case', undefined, 42]) metrics.graphqlErrors.count(code);
    expect(await valuesOf(metrics.registry, 'graphql_errors_total')).toEqual([
      { labels: { code: 'ZONE_UNAVAILABLE' }, value: 2 },
      { labels: { code: '_OTHER' }, value: 2 },
      { labels: { code: '_NONE' }, value: 1 },
    ]);
  });

  it('reads breaker states when scraped, 0 closed, 1 half-open, 2 open', async () => {
    const registry = new Registry();
    let readings: BreakerStateReading[] = [{ subgraph: 'zones', service: 'anhui', state: 'open' }];
    breakerStateGauge(registry, () => readings);
    expect(await valuesOf(registry, 'circuit_breaker_state')).toEqual([{ labels: { subgraph: 'zones', service: 'anhui' }, value: 2 }]);
    readings = [
      { subgraph: 'zones', service: 'anhui', state: 'half-open' },
      { subgraph: 'province', service: 'province', state: 'closed' },
    ];
    expect(await valuesOf(registry, 'circuit_breaker_state')).toEqual([
      { labels: { subgraph: 'zones', service: 'anhui' }, value: 1 },
      { labels: { subgraph: 'province', service: 'province' }, value: 0 },
    ]);
  });

  it("reads a TypeORM DataSource's pg pool by its database name, never the URL", async () => {
    const master = { totalCount: 3, idleCount: 1, waitingCount: 2, options: { max: 10, connectionString: 'postgres://user:secret@db:5432/devzone_anhui' } };
    const reading = typeormPoolReading({ driver: { master } });
    expect(reading).toEqual({ name: 'devzone_anhui', used: 2, idle: 1, waiting: 2, max: 10 });
    expect(typeormPoolReading({ driver: {} })).toBeUndefined();
    expect(typeormPoolReading(undefined)).toBeUndefined();

    const registry = new Registry();
    databasePoolGauges(registry, () => [reading!]);
    const pool = { db_client_connection_pool_name: 'devzone_anhui' };
    expect(await valuesOf(registry, 'db_client_connection_count')).toEqual([
      { labels: { ...pool, db_client_connection_state: 'used' }, value: 2 },
      { labels: { ...pool, db_client_connection_state: 'idle' }, value: 1 },
    ]);
    expect(await valuesOf(registry, 'db_client_connection_pending_requests')).toEqual([{ labels: pool, value: 2 }]);
    expect(await valuesOf(registry, 'db_client_connection_max')).toEqual([{ labels: pool, value: 10 }]);
    expect(await registry.metrics()).not.toMatch(/secret/);
  });

  it('counts query-plan cache reads as hits and misses, and passes everything else through', async () => {
    const stored = new Map<string, string>();
    const cache = {
      get: async (key: string) => stored.get(key),
      set: async (key: string, value: string) => void stored.set(key, value),
      size: () => stored.size,
    };
    const registry = new Registry();
    const counted = countingQueryPlanCache(cache, registry);
    expect(await counted.get('plan')).toBeUndefined();
    await counted.set('plan', 'a plan');
    expect(await counted.get('plan')).toBe('a plan');
    expect(await counted.get('plan')).toBe('a plan');
    expect(counted.size()).toBe(1);
    expect(await valuesOf(registry, 'query_plan_cache_requests_total')).toEqual([
      { labels: { result: 'miss' }, value: 1 },
      { labels: { result: 'hit' }, value: 2 },
    ]);
  });

  it("removes a zone service's version-request series from the zone-read cache's metrics once it left, keeping the others", async () => {
    const { registry } = createServiceMetrics();
    const metrics = new ZoneReadCacheMetrics(registry, () => ({ entries: 0, bytes: 0 }));
    for (const service of ['anhui', 'jiangsu']) {
      metrics.versionCheck(service);
      metrics.versionCheckFailed(service, 'timeout');
      metrics.versionCheckFailed(service, 'unsupported');
    }
    metrics.forgetService('jiangsu');
    const text = await registry.metrics();
    expect(text).toContain('zone_read_cache_version_checks_total{service="anhui"} 1');
    expect(text).toContain('zone_read_cache_version_check_failures_total{service="anhui",reason="unsupported"} 1');
    expect(text).not.toContain('jiangsu');
  });

  it("answers a scrape with the service's metrics and the process's Node metrics", async () => {
    const text = await createServiceMetrics().exposition();
    expect(text).toMatch(/^# HELP http_server_request_duration_seconds /m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });
});
