import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningGateway } from '@devzone/gateway';
import type { RunningStack } from '@devzone/stack';
import { forgetDefaultCredential, postGraphQL, startTestStack, useDefaultCredential, withDefaultCredential, withEnvironment } from '@devzone/testkit';
import type { RunningZoneService } from '@devzone/zone-subgraph';
import { AnswerCache } from '../gateway/src/answerCache/AnswerCache';
import { startGatewayBeside } from './fixtures/gatewayBeside';

/**
 * The gateway's zone-read cache and answer cache (both on by default) against real zone services
 * and PostgreSQL: a repeated read is answered without a zone GraphQL request, after one version request;
 * and under load, a figure written through the gateway, straight into the zone's database
 * (as `pnpm zone-data apply-seeds` does) or through another gateway replica is read back
 * at once, every time. A zone service without the version endpoint is served uncached.
 */
jest.setTimeout(60_000);

const ZONE = 'jinjiang';
/** A period no seed uses: the figure this test writes is the only one of its kind. */
const PERIOD = '2031';
const READ = `query CacheRead { zone(id: "${ZONE}") { indicators(codes: ["party_org.count"]) { value period provenance { kind } } } }`;
const WRITE = `mutation CacheWrite($value: Float!) {
  upsertIndicatorReport(zoneId: "${ZONE}", input: { code: "party_org.count", period: "${PERIOD}", value: $value }) { outcome }
}`;
const READERS = 16;
const ROUNDS = 5;

let stack: RunningStack;
let zoneService: RunningZoneService;

beforeAll(async () => {
  // Sixteen readers of one principal on purpose: the per-client rate limit is off for this stack only.
  stack = await withEnvironment({ GATEWAY_RATE_LIMIT_PER_SECOND: '0' }, () => startTestStack());
  zoneService = stack.zoneServices.find((service) => service.hostedZoneIds.includes(ZONE))!;
  await write(stack.gatewayUrl, 1);
});

afterAll(async () => {
  await stack?.stop();
});

interface Figure {
  value: number;
  period: string;
  provenance: { kind: string };
}

/** The figure this test writes, as read through `gatewayUrl`. */
async function readFigure(gatewayUrl: string): Promise<number | undefined> {
  const body = await postGraphQL<{ zone: { indicators: Figure[] } }>(gatewayUrl, READ);
  expect(body.errors).toBeUndefined();
  return body.data!.zone.indicators.find((figure) => figure.period === PERIOD && figure.provenance.kind === 'ZONE_SYSTEM')?.value;
}

async function write(gatewayUrl: string, value: number): Promise<void> {
  const body = await postGraphQL<{ upsertIndicatorReport: { outcome: string } }>(gatewayUrl, WRITE, { value });
  expect(body.errors).toBeUndefined();
}

/** The sum of a metric's series whose line starts with `prefix` and holds `label`, from a service's `/metrics` (readable from this machine). */
async function metricSum(serviceUrl: string, prefix: string, label: string): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', serviceUrl))).text();
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(prefix) && line.includes(label))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** Version requests the zone service has answered, by its own count. */
const versionRequests = (service: RunningZoneService) => metricSum(service.url, 'http_server_request_duration_seconds_count{', 'http_route="/data-versions"');

/** Entities the gateway served from its zone-read cache. */
const cacheHits = () => metricSum(stack.gatewayUrl, 'zone_read_cache_requests_total{', 'result="hit"');

/**
 * `READERS` clients read the figure through `readUrl` in a loop while, `ROUNDS` times, the
 * figure is written (`writeValue`) and read back through `readUrl` at once: every read-back
 * must show the value just written. Answers how many reads the load made, and how many zone
 * GraphQL requests the zone service received meanwhile (fewer: the cache served the rest).
 */
async function writeAndReadBackUnderLoad(readUrl: string, firstValue: number, writeValue: (value: number) => Promise<void>) {
  let reading = true;
  let loadReads = 0;
  const requestsBefore = zoneService.stats.requests;
  const readers = Array.from({ length: READERS }, async () => {
    while (reading) {
      await readFigure(readUrl);
      loadReads += 1;
    }
  });
  const seen: { written: number; read: number | undefined }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const value = firstValue + round;
      await writeValue(value);
      seen.push({ written: value, read: await readFigure(readUrl) });
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }
  expect(seen.filter(({ written, read }) => read !== written)).toEqual([]);
  return { loadReads, zoneRequests: zoneService.stats.requests - requestsBefore };
}

/** Client queries the gateway answered whole from its answer cache. */
const answerHits = () => metricSum(stack.gatewayUrl, 'answer_cache_requests_total{', 'result="hit"');

describe('a repeated read', () => {
  it('is answered whole from the answer cache the second time: no zone GraphQL request, one version request', async () => {
    const first = await readFigure(stack.gatewayUrl);
    const requests = zoneService.stats.requests;
    const versions = await versionRequests(zoneService);
    const hits = await answerHits();

    expect(await readFigure(stack.gatewayUrl)).toBe(first);
    expect(zoneService.stats.requests).toBe(requests);
    expect(await versionRequests(zoneService)).toBe(versions + 1);
    expect(await answerHits()).toBe(hits + 1);
  });

  it('spelled differently (other whitespace, commas, a comment), is answered whole from the answer cache too', async () => {
    const asRead = await postGraphQL<{ zone: { indicators: Figure[] } }>(stack.gatewayUrl, READ);
    const requests = zoneService.stats.requests;
    const versions = await versionRequests(zoneService);
    const answers = await answerHits();

    const spelled = `# the figure again\n${READ.replace('{ zone(', '{\n  zone(').replace('value period', 'value, period')}`;
    expect(spelled).not.toBe(READ);
    const body = await postGraphQL<{ zone: { indicators: Figure[] } }>(stack.gatewayUrl, spelled);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual(asRead.data);
    expect(zoneService.stats.requests).toBe(requests);
    expect(await versionRequests(zoneService)).toBe(versions + 1);
    expect(await answerHits()).toBe(answers + 1);
  });

  it('asking a root field more (another answer: an answer-cache miss, the same zone fetch), is served by the zone-read cache: no zone GraphQL request, one version request', async () => {
    await readFigure(stack.gatewayUrl);
    const requests = zoneService.stats.requests;
    const versions = await versionRequests(zoneService);
    const hits = await cacheHits();
    const answers = await answerHits();

    const more = READ.replace('query CacheRead { zone(', 'query CacheRead { __typename zone(');
    expect(more).not.toBe(READ);
    const body = await postGraphQL<{ __typename: string; zone: { indicators: Figure[] } }>(stack.gatewayUrl, more);
    expect(body.errors).toBeUndefined();
    expect(body.data?.__typename).toBe('Query');
    expect(zoneService.stats.requests).toBe(requests);
    expect(await versionRequests(zoneService)).toBe(versions + 1);
    expect(await cacheHits()).toBe(hits + 1);
    expect(await answerHits()).toBe(answers);
  });
});

describe('a repeated read after a write', () => {
  it('is built again with one version request: the reads use the versions its kept answer was found stale by', async () => {
    await readFigure(stack.gatewayUrl);
    await readFigure(stack.gatewayUrl);
    await write(stack.gatewayUrl, 41);
    const requests = zoneService.stats.requests;
    const versions = await versionRequests(zoneService);

    expect(await readFigure(stack.gatewayUrl)).toBe(41);
    expect(await versionRequests(zoneService)).toBe(versions + 1);
    expect(zoneService.stats.requests).toBe(requests + 1);
  });
});

describe("a repeated POST, answered before Apollo Server (the answer cache's fast path)", () => {
  const QUERY = `query CacheFast { zone(id: "${ZONE}") { indicators(codes: ["party_org.count"]) { value period } } }`;
  const ask = async (accept?: string) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: withDefaultCredential(stack.gatewayUrl, { 'content-type': 'application/json', ...(accept ? { accept } : {}) }),
      body: JSON.stringify({ query: QUERY }),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  };
  const answersOf = async (result: string) => metricSum(stack.gatewayUrl, 'answer_cache_requests_total{', `result="${result}"`);
  const durations = () => metricSum(stack.gatewayUrl, 'http_server_request_duration_seconds_count{', 'graphql_operation_name="CacheFast"');

  it('is the answer Apollo Server sent, byte for byte, counted once as a hit and timed under its operation name', async () => {
    const before = { hits: await answersOf('hit'), misses: await answersOf('miss'), timed: await durations() };
    const built = await ask();
    // Apollo Server's own lookup (the plugin's) is not reached by the repeated requests.
    const throughApollo = jest.spyOn(AnswerCache.prototype, 'answerOf');
    const repeated = [await ask(), await ask()];
    expect(throughApollo).not.toHaveBeenCalled();
    throughApollo.mockRestore();
    expect(built.status).toBe(200);
    expect(JSON.parse(built.body)).toEqual({ data: { zone: { indicators: expect.any(Array) } } });
    expect(repeated).toEqual([built, built]);
    expect(await answersOf('hit')).toBe(before.hits + 2);
    expect(await answersOf('miss')).toBe(before.misses + 1);
    expect(await durations()).toBe(before.timed + 3);
  });

  it('keeps the media type each accept header was answered with', async () => {
    const graphqlResponse = 'application/graphql-response+json';
    const throughApollo = jest.spyOn(AnswerCache.prototype, 'answerOf');
    const first = await ask(graphqlResponse);
    const second = await ask(graphqlResponse);
    // The first was kept (by the test above) but never sent to this accept header: Apollo Server served it.
    expect(throughApollo).toHaveBeenCalledTimes(1);
    throughApollo.mockRestore();
    expect(first.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(second).toEqual(first);
    expect((await ask()).contentType).toMatch(/^application\/json/);
  });
});

describe('an answer with errors', () => {
  it('is never kept: asked again, it is built again', async () => {
    const QUERY = `query CachePartial { zone(id: "${ZONE}") { indicators(codes: ["party_org.count"]) { value } } missing: zone(id: "no-such-zone") { id } }`;
    const misses = () => metricSum(stack.gatewayUrl, 'answer_cache_requests_total{', 'result="miss"');
    const before = { hits: await answerHits(), misses: await misses() };
    for (let i = 0; i < 2; i += 1) expect((await postGraphQL(stack.gatewayUrl, QUERY)).errors?.length).toBeGreaterThan(0);
    expect(await answerHits()).toBe(before.hits);
    expect(await misses()).toBe(before.misses + 2);
  });
});

describe('concurrent identical reads', () => {
  it('share one zone GraphQL request inside the cache (the gateway dedups zones fetches only within a request)', async () => {
    // A new version of the zone: both reads miss, with the same entry key.
    await zoneService.database.dataSource.query(`UPDATE indicator_report SET value = 50 WHERE zone_id = $1 AND code = 'party_org.count' AND period = $2`, [
      ZONE,
      PERIOD,
    ]);
    const requests = zoneService.stats.requests;
    expect(await Promise.all([readFigure(stack.gatewayUrl), readFigure(stack.gatewayUrl)])).toEqual([50, 50]);
    expect(zoneService.stats.requests).toBe(requests + 1);
  });
});

describe('never a figure older than its zone last write, under load', () => {
  it('a write through the gateway (a zone mutation)', async () => {
    const answersBefore = await answerHits();
    const { loadReads, zoneRequests } = await writeAndReadBackUnderLoad(stack.gatewayUrl, 100, (value) => write(stack.gatewayUrl, value));
    // Most of the load was served from the caches (whole answers among them): the zone service saw a fraction of it.
    expect(zoneRequests).toBeLessThan(loadReads / 2);
    expect(await answerHits()).toBeGreaterThan(answersBefore);
  });

  it('a write straight into the zone database, as apply-seeds writes', async () => {
    const update = (value: number) =>
      zoneService.database.dataSource.query(`UPDATE indicator_report SET value = $1 WHERE zone_id = $2 AND code = 'party_org.count' AND period = $3`, [
        value,
        ZONE,
        PERIOD,
      ]);
    await writeAndReadBackUnderLoad(stack.gatewayUrl, 200, async (value) => {
      await update(value);
    });
  });

  describe('with a second gateway replica', () => {
    let replica: RunningGateway;

    beforeAll(async () => {
      replica = await startGatewayBeside(stack);
      useDefaultCredential(replica.url, stack.credential);
    });

    afterAll(async () => {
      forgetDefaultCredential(replica.url);
      await replica?.stop();
    });

    it('a write through one replica is read back through the other', async () => {
      await writeAndReadBackUnderLoad(replica.url, 300, (value) => write(stack.gatewayUrl, value));
    });
  });
});

describe("the province's zone reads (compareZones, straight to the zone services)", () => {
  const COMPARE = `query CacheCompare { compareZones(zoneIds: ["${ZONE}"], indicators: ["party_org.count"]) { rows { cells { code value } } failedZones { zoneId } } }`;

  async function comparedFigure(): Promise<number | null | undefined> {
    const body = await postGraphQL<{ compareZones: { rows: { cells: { code: string; value: number | null }[] }[]; failedZones: unknown[] } }>(
      stack.gatewayUrl,
      COMPARE,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.compareZones.failedZones).toEqual([]);
    return body.data!.compareZones.rows[0]?.cells.find((cell) => cell.code === 'party_org.count')?.value;
  }

  it('sends the zone service no GraphQL request the second time, and sees a write straight into its database at once', async () => {
    // The province reads a service field by field until it has read its schema (in the background): wait until it asks for sheets.
    for (let attempt = 0; attempt < 50 && zoneService.stats.lastOperationName !== 'ProvinceReadsFigures'; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      await comparedFigure();
    }
    expect(zoneService.stats.lastOperationName).toBe('ProvinceReadsFigures');
    const requests = zoneService.stats.requests;
    const versions = await versionRequests(zoneService);
    const provinceHits = await metricSum(stack.provinceUrl, 'zone_read_cache_requests_total{', 'result="hit"');
    const first = await comparedFigure();
    expect(zoneService.stats.requests).toBe(requests);
    expect(await versionRequests(zoneService)).toBeGreaterThan(versions);
    // The province counts its own cache in its /metrics.
    expect(await metricSum(stack.provinceUrl, 'zone_read_cache_requests_total{', 'result="hit"')).toBe(provinceHits + 1);

    await zoneService.database.dataSource.query(`UPDATE indicator_report SET value = $1 WHERE zone_id = $2 AND code = 'party_org.count' AND period = $3`, [
      (first ?? 0) + 500,
      ZONE,
      PERIOD,
    ]);
    expect(await comparedFigure()).toBe((first ?? 0) + 500);
    expect(zoneService.stats.requests).toBe(requests + 1);
  });
});

describe('a zone service without the version endpoint', () => {
  let proxy: { url: string; stop(): Promise<void> };
  let versionless: RunningGateway;

  beforeAll(async () => {
    proxy = await startVersionlessProxy(zoneService.url);
    versionless = await startGatewayBeside(stack, { urlOf: (service) => (service.name === zoneService.name ? proxy.url : service.url) });
    useDefaultCredential(versionless.url, stack.credential);
  });

  afterAll(async () => {
    forgetDefaultCredential(versionless.url);
    await versionless?.stop();
    await proxy?.stop();
  });

  it('is served uncached and correctly: every read reaches it, and sees a write no version told of', async () => {
    const requests = zoneService.stats.requests;
    await readFigure(versionless.url);
    await readFigure(versionless.url);
    expect(zoneService.stats.requests).toBe(requests + 2);

    await zoneService.database.dataSource.query(`UPDATE indicator_report SET value = 400 WHERE zone_id = $1 AND code = 'party_org.count' AND period = $2`, [
      ZONE,
      PERIOD,
    ]);
    expect(await readFigure(versionless.url)).toBe(400);
  });
});

/** A zone service as one without the version endpoint looks: `POST /data-versions` answers 404, everything else is passed on as it is (signature included). */
async function startVersionlessProxy(target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/data-versions') {
        res.writeHead(404).end();
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => name !== 'host' && typeof value === 'string')) as Record<
        string,
        string
      >;
      void fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'POST',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }).then(
        async (answer) => {
          res
            .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
            .end(Buffer.from(await answer.arrayBuffer()));
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
