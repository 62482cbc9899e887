/**
 * Issue #11, tracing: the zone services, the province and the gateway each run as their
 * own process (from their build) with OTEL_TRACES_EXPORTER=otlp, exporting to a collector
 * in this test. One GraphQL request through the gateway must give one trace: the gateway's
 * request, a span per subgraph fetch, the zone services' and the province's requests (the
 * province reading zone data straight from the zone services) and the zone services' SQL statements.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminToken, createTestDatabase, freePort, startServiceProcess, type ServiceProcess, type TestDatabase } from '@devzone/testkit';

interface CollectedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** OTLP's: 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

function attributesOf(attributes: readonly OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));
}

/** An OTLP/HTTP (JSON) trace receiver, as a collector, Jaeger or Tempo would be. */
async function startCollector(): Promise<{ url: string; spans: CollectedSpan[]; stop(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const resourceSpans of exported.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`,
    spans,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const HOST = '127.0.0.1';
const ZONE_SERVICES = ['yongkang', 'chengxi'] as const;

const TRACED_QUERY = `query TracedSearch {
  searchEnterprises(zoneIds: ["yongkang", "chengxi"], first: 5) { totalCount items { id nameZh } }
  zones(ids: ["yongkang", "chengxi"]) { id enterprises(first: 1) { totalCount } }
}`;

describe('tracing across the gateway, the province and the zone services', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const processes: ServiceProcess[] = [];
  const databases: TestDatabase[] = [];
  let answer: { data?: { searchEnterprises?: { totalCount: number } } | null; errors?: unknown[] };

  beforeAll(async () => {
    const adminUrl = process.env.EMBEDDED_PG_ADMIN_URL;
    if (!adminUrl) throw new Error('EMBEDDED_PG_ADMIN_URL is unset: run through jest');
    collector = await startCollector();
    const common = {
      NODE_ENV: 'production',
      HOST,
      SERVICE_SIGNING_KEYS: `traced:${randomBytes(32).toString('hex')}`,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const database = async (label: string) => {
      const created = await createTestDatabase(adminUrl, label);
      databases.push(created);
      return created.url;
    };
    const start = async (name: string, script: string, env: Record<string, string>) => {
      const started = await startServiceProcess({ name, script, env: { ...common, ...env } });
      processes.push(started);
      return started;
    };

    const zones = [];
    for (const name of ZONE_SERVICES) {
      const service = await start(`zone service ${name}`, `subgraphs/${name}/dist/main.js`, {
        PORT: String(await freePort()),
        DATABASE_URL: await database(name),
      });
      const zoneIds = /\(([^)]*)\) ready at /
        .exec(service.readyLine)![1]!
        .split(',')
        .map((id) => id.trim());
      zones.push({ name, url: service.url, zoneIds });
    }
    const zoneServices = JSON.stringify(zones);
    const gatewayPort = await freePort();
    const province = await start('province', 'subgraphs/province/dist/main.js', {
      PORT: String(await freePort()),
      DATABASE_URL: await database('province'),
      ZONE_SERVICES: zoneServices,
    });
    const token = createAdminToken();
    const gateway = await start('gateway', 'gateway/dist/main.js', {
      PORT: String(gatewayPort),
      PROVINCE_URL: province.url,
      ZONE_SERVICES: zoneServices,
      AUTH_JWT_KEYS: token.jwtKeys,
    });

    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token.authorization },
      body: JSON.stringify({ query: TRACED_QUERY }),
    });
    answer = (await response.json()) as typeof answer;
    // Stopping exports what each process still buffers (the shell shuts tracing down before it exits).
    for (const started of [...processes].reverse()) await started.stop();
  });

  afterAll(async () => {
    for (const started of processes) await started.stop().catch(() => undefined);
    for (const created of databases) await created.drop().catch(() => undefined);
    await collector?.stop();
  });

  it('gives one trace from the gateway request to the SQL statements of every service asked', () => {
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.searchEnterprises?.totalCount).toBeGreaterThan(0);
    const spans = collector.spans;
    const roots = spans.filter(
      (span) => span.service === 'gateway' && span.kind === 2 && span.parentSpanId === undefined && span.attributes['url.path'] === '/graphql',
    );
    expect(roots).toHaveLength(1);
    const trace = spans.filter((span) => span.traceId === roots[0]!.traceId);
    const ids = new Set(trace.map((span) => span.spanId));
    const summary = trace.map(({ service, name, kind }) => `${service} ${kind} ${name}`).sort();

    // Every span but the root hangs under one of this trace's spans: the context crossed every process boundary.
    expect(trace.filter((span) => span !== roots[0] && !ids.has(span.parentSpanId ?? ''))).toEqual([]);

    // The gateway: a span per subgraph fetch, for the province and each zone service.
    for (const service of ['province', ...ZONE_SERVICES]) expect(summary).toContain(`gateway 1 subgraph.fetch ${service}`);
    // Each zone service answered inside the trace and ran SQL under it.
    for (const name of ZONE_SERVICES) {
      const ofService = trace.filter((span) => span.service === `zone-service-${name}`);
      expect(ofService.filter((span) => span.kind === 2)).not.toEqual([]);
      expect(ofService.filter((span) => span.attributes['db.system.name'] === 'postgresql' || span.attributes['db.system'] === 'postgresql')).not.toEqual([]);
    }
    // The province answered and read the zones straight from the zone services (their requests under its fetches), never back through the gateway.
    const province = trace.filter((span) => span.service === 'province-service');
    expect(province.filter((span) => span.kind === 2)).not.toEqual([]);
    // A span per zone service the province read, as the gateway has per fetch.
    for (const service of ZONE_SERVICES) expect(summary).toContain(`province-service 1 subgraph.fetch ${service}`);
    const provinceFetches = province.filter((span) => span.kind === 3);
    // GraphQL requests only: the province's zone-read cache also asks each service for its zones' data versions.
    const answeredFor = (service: string) =>
      trace.filter(
        (span) =>
          span.service === service &&
          span.kind === 2 &&
          span.attributes['url.path'] !== '/data-versions' &&
          provinceFetches.some((fetch) => fetch.spanId === span.parentSpanId),
      );
    for (const name of ZONE_SERVICES) expect([name, answeredFor(`zone-service-${name}`).length]).toEqual([name, 1]);
    expect(answeredFor('gateway')).toEqual([]);
  });
});
