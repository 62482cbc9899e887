/**
 * The answer cache as users run it: every service its own process (NODE_ENV=production), real
 * PostgreSQL, the defaults (zone-read cache and answer cache on). A repeated query is answered
 * whole from the gateway's answer cache, and under load a figure written and read back at once
 * is the one written, every time: the answer cache never serves an answer older than its
 * zone's last write, nor does a prepared read that rebuilds a stale answer. The province-wide read (its zone list from the province included) is kept
 * and read back the same way, and so is a read sent as an automatic persisted query (its hash alone, by POST or GET).
 */
import { createHash } from 'node:crypto';
import { postGraphQL, startProcessStack, type ProcessStack } from '@devzone/testkit';

jest.setTimeout(60_000);

const ZONE = 'yongkang';
/** A period no seed uses: the figure this test writes is the only one of its kind. */
const PERIOD = '2032';
const READ = `query AnswerCacheRead { zone(id: "${ZONE}") { indicators(codes: ["honor.count"]) { value period } } }`;
const WRITE = `mutation AnswerCacheWrite($value: Float!) {
  upsertIndicatorReport(zoneId: "${ZONE}", input: { code: "honor.count", period: "${PERIOD}", value: $value }) { outcome }
}`;
const READ_ALL = `query AnswerCacheReadAll { zones { id indicators(codes: ["honor.count"]) { value period } } }`;
const READERS = 8;
const ROUNDS = 5;

let stack: ProcessStack;

beforeAll(async () => {
  // Eight readers of one principal on purpose: the per-client rate limit would refuse them.
  stack = await startProcessStack({ gatewayEnv: { GATEWAY_RATE_LIMIT_PER_SECOND: '0' } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function readFigure(): Promise<number | undefined> {
  const body = await postGraphQL<{ zone: { indicators: { value: number; period: string }[] } }>(
    stack.gatewayUrl,
    READ,
    {},
    { authorization: stack.credential },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.zone.indicators.find((figure) => figure.period === PERIOD)?.value;
}

async function write(value: number): Promise<void> {
  const body = await postGraphQL(stack.gatewayUrl, WRITE, { value }, { authorization: stack.credential });
  expect(body.errors).toBeUndefined();
}

/** The written figure as the province-wide read shows it. */
async function readFigureProvinceWide(): Promise<number | undefined> {
  const body = await postGraphQL<{ zones: { id: string; indicators: { value: number; period: string }[] | null }[] }>(
    stack.gatewayUrl,
    READ_ALL,
    {},
    { authorization: stack.credential },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.zones.find((zone) => zone.id === ZONE)?.indicators?.find((figure) => figure.period === PERIOD)?.value;
}

/** A counter of the gateway's own /metrics, by its exact labels. */
async function gatewayCount(sample: string): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Client queries the gateway answered whole from its answer cache. */
const answerHits = () => gatewayCount('answer_cache_requests_total{result="hit"}');
/** Client queries the gateway answered by a prepared read (docs/operations.md, "Prepared reads"). */
const preparedServed = () => gatewayCount('prepared_read_requests_total{result="served"}');

/** `read` shows `value` once it is written, and again from the answer cache (one more hit). */
async function expectKeptOnceWritten(read: () => Promise<number | undefined>, value: number): Promise<void> {
  await write(value);
  expect(await read()).toBe(value);
  const hits = await answerHits();
  expect(await read()).toBe(value);
  expect(await answerHits()).toBe(hits + 1);
}

it('answers a repeated query whole from the answer cache', async () => {
  await expectKeptOnceWritten(readFigure, 1);
});

it('under load, reads back every written figure at once', async () => {
  const hits = await answerHits();
  const prepared = await preparedServed();
  let reading = true;
  const readers = Array.from({ length: READERS }, async () => {
    while (reading) await readFigure();
  });
  const seen: { written: number; read: number | undefined }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const value = 100 + round;
      await write(value);
      seen.push({ written: value, read: await readFigure() });
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }
  expect(seen.filter(({ written, read }) => read !== written)).toEqual([]);
  // The load was answered from the cache between the writes, and after each write (a stale answer) by a prepared read, kept again.
  expect(await answerHits()).toBeGreaterThan(hits);
  expect(await preparedServed()).toBeGreaterThan(prepared);
});

it('keeps the province-wide read too, its zone list included, and reads a written figure back at once', async () => {
  await expectKeptOnceWritten(readFigureProvinceWide, 7);
  await write(8);
  expect(await readFigureProvinceWide()).toBe(8);
});

it("takes the read as Apollo Client's persisted-query link sends it: by its hash alone once sent with it, a hit while it holds, the written figure at once", async () => {
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(READ).digest('hex') } };
  const readPersisted = async (body: Record<string, unknown>): Promise<number | undefined> => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: stack.credential },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { data?: { zone: { indicators: { value: number; period: string }[] } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    return answer.data!.zone.indicators.find((figure) => figure.period === PERIOD)?.value;
  };
  await write(21);
  expect(await readPersisted({ query: READ, extensions })).toBe(21);
  const hits = await answerHits();
  expect(await readPersisted({ extensions })).toBe(21);
  expect(await answerHits()).toBe(hits + 1);
  await write(22);
  expect(await readPersisted({ extensions })).toBe(22);
});

it('takes the hashed read as a GET too (Apollo Client with useGETForHashedQueries): a hit once Apollo Server has sent a GET of it, the written figure at once', async () => {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(READ).digest('hex') } });
  const readByGet = async (): Promise<number | undefined> => {
    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('extensions', extensions);
    const response = await fetch(url, { headers: { 'content-type': 'application/json', authorization: stack.credential } });
    const answer = (await response.json()) as { data?: { zone: { indicators: { value: number; period: string }[] } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    return answer.data!.zone.indicators.find((figure) => figure.period === PERIOD)?.value;
  };
  // As the link does after PERSISTED_QUERY_NOT_FOUND: the query with its hash, by POST.
  const registered = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: stack.credential },
    body: JSON.stringify({ query: READ, extensions: JSON.parse(extensions) as unknown }),
  });
  expect(registered.status).toBe(200);
  // The first GET shows the gateway how Apollo Server heads a GET's answer; the second is a hit.
  await expectKeptOnceWritten(readByGet, 31);
  await write(32);
  expect(await readByGet()).toBe(32);
  const served = await preparedServed();
  await write(33);
  expect(await readByGet()).toBe(33);
  expect(await preparedServed()).toBe(served + 1);
});
