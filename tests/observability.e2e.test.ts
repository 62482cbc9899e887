/**
 * Issue #11, metrics and logs: /metrics on the gateway and on every subgraph service of
 * the in-process stack after real GraphQL traffic, who may read it (METRICS_TOKEN), and
 * JSON log lines carrying the request id from the HTTP front to the data source.
 */
import { startGateway, type RunningGateway } from '@devzone/gateway';
import { createLogger } from '@devzone/observability';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { postGraphQL, startTestStack } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';

const METRICS_TOKEN = 'observability-test-token-0123';

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of the Prometheus text format (`name{a="b",c="d"} value`). */
function samplesOf(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1]!, label[2]!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function find(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

function metricsUrlOf(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  url.pathname = '/metrics';
  return url.toString();
}

async function scrape(serviceUrl: string, headers: Record<string, string> = {}) {
  const response = await fetch(metricsUrlOf(serviceUrl), { headers });
  const body = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body, samples: samplesOf(body) };
}

const OBSERVED_ZONES = `query ObservedZones {
  zones(ids: ["yongkang", "chengxi"]) { id nameZh enterprises(first: 2) { totalCount items { nameZh } } }
}`;

describe('observability of the seeded stack', () => {
  let stack: RunningStack;
  const savedToken = process.env.METRICS_TOKEN;

  beforeAll(async () => {
    // Every service reads METRICS_TOKEN when it starts.
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    stack = await startTestStack();
    const answer = await postGraphQL(stack.gatewayUrl, OBSERVED_ZONES);
    expect(answer.errors).toBeUndefined();
  });

  afterAll(async () => {
    await stack?.stop();
    if (savedToken === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = savedToken;
  });

  it("gateway /metrics: the request by operation name, fetches per zone service asked, every breaker, Node's metrics", async () => {
    const { status, type, samples } = await scrape(stack.gatewayUrl);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);

    const request = { http_request_method: 'POST', http_route: '/graphql', http_response_status_code: '200', graphql_operation_name: 'ObservedZones' };
    expect(find(samples, 'http_server_request_duration_seconds_count', request).map((sample) => sample.value)).toEqual([1]);
    expect(find(samples, 'http_server_request_duration_seconds_bucket', { ...request, le: '+Inf' }).map((sample) => sample.value)).toEqual([1]);

    const yongkang = stack.zoneServices.find((service) => service.hostedZoneIds.includes('yongkang'))!.name;
    const chengxi = stack.zoneServices.find((service) => service.hostedZoneIds.includes('chengxi'))!.name;
    for (const service of [yongkang, chengxi]) {
      const fetched = find(samples, 'subgraph_request_duration_seconds_count', { subgraph: 'zones', service, outcome: 'answered' });
      expect(fetched.map((sample) => sample.value)).toEqual([expect.any(Number)]);
      expect(fetched[0]!.value).toBeGreaterThanOrEqual(1);
    }
    const notAsked = stack.zoneServices.map((service) => service.name).filter((name) => name !== yongkang && name !== chengxi);
    expect(notAsked.length).toBeGreaterThan(0);
    for (const service of notAsked) expect(find(samples, 'subgraph_request_duration_seconds_count', { service })).toEqual([]);
    expect(
      find(samples, 'subgraph_request_duration_seconds_count', { subgraph: 'province', service: 'province', outcome: 'answered' })[0]?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(find(samples, 'subgraph_request_failures_total')).toEqual([]);

    const breakers = find(samples, 'circuit_breaker_state');
    expect(
      breakers
        .map(({ labels, value }) => ({ subgraph: labels.subgraph, service: labels.service ?? '', value }))
        .sort((a, b) => a.service.localeCompare(b.service)),
    ).toEqual(
      [{ subgraph: 'province', service: 'province', value: 0 }, ...stack.zoneServices.map(({ name }) => ({ subgraph: 'zones', service: name, value: 0 }))].sort(
        (a, b) => a.service.localeCompare(b.service),
      ),
    );
    expect(find(samples, 'process_resident_memory_bytes')[0]?.value).toBeGreaterThan(0);
    expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('gateway /metrics counts the errors answered, by the code the client saw', async () => {
    const before = find((await scrape(stack.gatewayUrl)).samples, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })[0]?.value ?? 0;
    const answer = await postGraphQL(stack.gatewayUrl, 'query MalformedLookup { enterprise(id: "no colon here") { id } }');
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const { samples } = await scrape(stack.gatewayUrl);
    expect(find(samples, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })[0]?.value).toBe(before + 1);
    expect(find(samples, 'http_server_request_duration_seconds_count', { graphql_operation_name: 'MalformedLookup' }).map((sample) => sample.value)).toEqual([
      1,
    ]);
  });

  it("a zone service's /metrics: its own requests (the gateway's subgraph operation) and its database pool", async () => {
    const service = stack.zoneServices.find((zoneService) => zoneService.hostedZoneIds.includes('yongkang'))!;
    const { status, samples, body } = await scrape(service.url);
    expect(status).toBe(200);
    const subgraphRequests = find(samples, 'http_server_request_duration_seconds_count', {
      http_route: '/',
      http_request_method: 'POST',
      http_response_status_code: '200',
    });
    expect(subgraphRequests.map((sample) => sample.labels.graphql_operation_name)).toContainEqual(expect.stringMatching(/^ObservedZones__zones__\d+$/));
    // The gateway's own request is not this service's: each service in the process keeps its own registry.
    expect(find(samples, 'http_server_request_duration_seconds_count', { http_route: '/graphql' })).toEqual([]);

    const databaseName = service.database.dataSource.driver.database;
    expect(databaseName).toMatch(/^t_yongkang_/);
    const pool = { db_client_connection_pool_name: databaseName! };
    expect(find(samples, 'db_client_connection_max', pool).map((sample) => sample.value)).toEqual([10]);
    expect(find(samples, 'db_client_connection_pending_requests', pool).map((sample) => sample.value)).toEqual([0]);
    const connections = find(samples, 'db_client_connection_count', pool);
    expect(connections.map((sample) => sample.labels.db_client_connection_state).sort()).toEqual(['idle', 'used']);
    for (const sample of connections) expect(sample.value).toBeGreaterThanOrEqual(0);
    expect(body).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("the province's /metrics: its requests, its pool, and its reads of each zone service", async () => {
    // compareZones makes the province read the zones' figures from the zone services themselves.
    const compared = await postGraphQL(stack.gatewayUrl, 'query Compared { compareZones(indicators: ["party_org.count"]) { rows { zone { id } } } }');
    expect(compared.errors).toBeUndefined();
    const { status, samples } = await scrape(stack.provinceUrl);
    expect(status).toBe(200);
    expect(find(samples, 'http_server_request_duration_seconds_count', { http_route: '/', http_request_method: 'POST' }).length).toBeGreaterThan(0);
    expect(find(samples, 'db_client_connection_max')).toHaveLength(1);
    const fetched = stack.zoneServices.map(({ name }) => ({
      service: name,
      answered: find(samples, 'subgraph_request_duration_seconds_count', { subgraph: 'zones', service: name, outcome: 'answered' })[0]?.value ?? 0,
    }));
    for (const { service, answered } of fetched) expect({ service, fetched: answered > 0 }).toEqual({ service, fetched: true });
  });

  it('/metrics answers loopback callers, and a caller from elsewhere only with the bearer token', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    for (const url of [stack.gatewayUrl, stack.zoneServices[0]!.url]) {
      const refused = await scrape(url, forwarded);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toEqual({ errors: [{ message: expect.stringContaining('METRICS_TOKEN'), extensions: { code: 'UNAUTHENTICATED' } }] });
      expect(refused.body).not.toMatch(/http_server|ObservedZones|yongkang/);
      expect((await scrape(url, { ...forwarded, authorization: `Bearer ${METRICS_TOKEN}-wrong` })).status).toBe(401);
      expect((await scrape(url, { ...forwarded, authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
      expect((await scrape(url)).status).toBe(200);
    }
  });

  describe('logs', () => {
    let gateway: RunningGateway;
    const lines: string[] = [];
    const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    beforeAll(async () => {
      // A second gateway over the same services, logging to a captured destination.
      const log = createLogger('gateway', { level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
      gateway = await startGateway({
        port: 0,
        host: '127.0.0.1',
        provinceUrl: stack.provinceUrl,
        registry: new StaticZoneServiceRegistry(stack.zoneServices.map(({ name, url, hostedZoneIds }) => ({ name, url, zoneIds: [...hostedZoneIds] }))),
        signingKeys: stack.signingKeys,
        rateLimit: false,
        errorLog: log,
        logger: log,
      });
    });

    afterAll(async () => {
      await gateway?.stop();
    });

    it('are JSON lines; the request line and a zone failure logged deep in the data source carry the request id', async () => {
      const stopped = stack.zoneServices.find((service) => service.hostedZoneIds.includes('jinjiang'))!.name;
      await stack.stopZoneService(stopped);
      const answer = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: stack.credential, 'x-request-id': 'observability-log-0001' },
        body: JSON.stringify({ query: 'query LoggedZone { zone(id: "jinjiang") { id enterprises(first: 1) { totalCount } } }' }),
      });
      expect(answer.headers.get('x-request-id')).toBe('observability-log-0001');
      const body = (await answer.json()) as { errors?: { extensions?: { code?: string; requestId?: string } }[] };
      expect(body.errors?.map((error) => error.extensions)).toEqual([
        expect.objectContaining({ code: 'ZONE_UNAVAILABLE', requestId: 'observability-log-0001' }),
      ]);
      await new Promise((resolve) => setImmediate(resolve));

      const ofRequest = records().filter((record) => record.requestId === 'observability-log-0001');
      expect(ofRequest).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 'warn', name: 'gateway', msg: expect.stringContaining(`Zone service "${stopped}" failed`) }),
          expect.objectContaining({ level: 'debug', msg: 'request', route: '/graphql', status: 200, operationName: 'LoggedZone', method: 'POST' }),
        ]),
      );
      for (const record of ofRequest) expect(record).toEqual(expect.objectContaining({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), pid: process.pid }));
    });
  });
});
