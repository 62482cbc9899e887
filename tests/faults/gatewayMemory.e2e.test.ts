/**
 * The gateway's memory after a few thousand varied requests (valid, invalid, over a
 * limit, rate-limited, failing, unauthenticated) returns to within MARGIN_MB of what
 * it was after warm-up. Measured as the gateway process's resident set (VmRSS of
 * /proc/<pid>/status), from outside: no debug endpoint, no --expose-gc.
 *
 * The gateway runs with its old space capped (OLD_SPACE_MB), as under a container's
 * memory limit; see the comment at NODE_OPTIONS. The margin: after warm-up the heap
 * may still grow its spaces up to the cap, and freed pages are not always given back
 * to the OS, so RSS can sit tens of MB above its warm value without any leak. 64 MB
 * tolerates that and still catches what matters: a leak of ≥ 22 KB per request over
 * the 3000 measured ones, or a retained oversized answer (the 50 MB answer
 * left the gateway 220 MB higher).
 */
import { readFileSync } from 'node:fs';
import { startProcessStack, type ProcessStack } from '@devzone/testkit';
import { memoryRequests, type RawRequest } from './memoryRequests';

const WARM_UP_REQUESTS = 600;
const MEASURED_REQUESTS = 3000;
const CLIENTS = 4;
const RATE_LIMIT_BURST = 10;
const MARGIN_MB = 64;
const SETTLE_MS = 2000;
const FAILING_SERVICE = 'jinjiang';
const OLD_SPACE_MB = 128;

let stack: ProcessStack;
let readers: string[];

beforeAll(async () => {
  stack = await startProcessStack({
    gatewayEnv: {
      ZONE_TIMEOUT_MS: '1500',
      GATEWAY_REQUEST_TIMEOUT_MS: '3000',
      BREAKER_FAILURE_THRESHOLD: '3',
      BREAKER_COOL_DOWN_MS: '500',
      // Low enough that the clients (one principal each) run into it now and then: 429s are part of the mix.
      GATEWAY_RATE_LIMIT_PER_SECOND: '25',
      GATEWAY_RATE_LIMIT_BURST: String(RATE_LIMIT_BURST),
      // As in a container with a memory limit: V8 sizes its heap to the machine and, uncapped, lets garbage
      // pile up lazily (measured: RSS 242 → 338 MB over 12,000 valid reads, flat after 6,000; flat at
      // 164 MB with a 96 MB cap), which says nothing about leaks. A real leak crashes the capped gateway
      // or shows in its RSS.
      NODE_OPTIONS: `--max-old-space-size=${OLD_SPACE_MB}`,
    },
  });
  readers = Array.from({ length: CLIENTS }, (_, client) => stack.token.tokenFor(`memory-reader-${client}`, ['ANALYST']));
  // One zone service down for the whole test: its zones' reads fail (timeouts, breaker open, probes).
  await stack.zoneServices[FAILING_SERVICE].kill();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

function residentMb(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    throw new Error(`cannot read /proc/${pid}/status (this test needs Linux's /proc): ${error instanceof Error ? error.message : String(error)}`);
  }
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  readonly byKind: Map<string, number>;
  readonly unexpected: string[];
}

/** Sends `count` requests from CLIENTS loops, cycling through the mix; counts answers by kind and status. */
async function send(requests: readonly RawRequest[], count: number, tally: Tally): Promise<void> {
  let next = 0;
  const headers = (request: RawRequest, reader: string): Record<string, string> => {
    const base = { 'content-type': 'application/json' };
    if (request.credential === 'none') return base;
    return { ...base, authorization: request.credential === 'reader' ? reader : `${reader.slice(0, -4)}AAAA` };
  };
  const loop = async (reader: string) => {
    for (let turn = next++; turn < count; turn = next++) {
      const request = requests[turn % requests.length]!;
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: headers(request, reader),
        body: request.body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      const key = `${request.kind} ${response.status}`;
      tally.byKind.set(key, (tally.byKind.get(key) ?? 0) + 1);
      if (response.status !== 429 && !request.statuses.includes(response.status)) tally.unexpected.push(`${key}: ${request.body.slice(0, 120)}`);
    }
  };
  await Promise.all(readers.map(loop));
}

/** `count` valid reads from one principal at once: more than its bucket holds, so some are answered 429. */
async function burst(reader: string, count: number, tally: Tally): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async () => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: reader },
        body: JSON.stringify({ query: '{ zone(id: "yongkang") { id } }' }),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      const key = `burst ${response.status}`;
      tally.byKind.set(key, (tally.byKind.get(key) ?? 0) + 1);
      if (response.status !== 200 && response.status !== 429) tally.unexpected.push(key);
    }),
  );
}

it(`the gateway's resident memory after ${MEASURED_REQUESTS} varied requests stays within ${MARGIN_MB} MB of its value after warm-up`, async () => {
  const first = (await (
    await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: readers[0]! },
      body: JSON.stringify({ query: '{ zone(id: "yongkang") { enterprises(first: 1) { items { id } } } }' }),
    })
  ).json()) as { data: { zone: { enterprises: { items: { id: string }[] } } } };
  const requests = memoryRequests(first.data.zone.enterprises.items[0]!.id, stack.zoneIdsOf[FAILING_SERVICE][0]!);
  const pid = stack.gateway.pid;
  const tally: Tally = { byKind: new Map(), unexpected: [] };

  await send(requests, WARM_UP_REQUESTS, tally);
  await sleep(SETTLE_MS);
  const warm = residentMb(pid);
  // However fast the machine serves the loops above, a burst from one principal runs into its rate limit.
  await Promise.all([send(requests, MEASURED_REQUESTS, tally), burst(readers[0]!, RATE_LIMIT_BURST * 3, tally)]);
  await sleep(SETTLE_MS);
  const after = residentMb(pid);

  expect(tally.unexpected.slice(0, 10)).toEqual([]);
  // Every kind of request was answered as such, the rate limit included.
  for (const kind of ['valid 200', 'failing 200', 'invalid 400', 'limited 400', 'unauthenticated 401']) expect(tally.byKind.get(kind) ?? 0).toBeGreaterThan(0);
  expect([...tally.byKind].filter(([key]) => key.endsWith(' 429')).length).toBeGreaterThan(0);
  expect(stack.gateway.pid).toBe(pid);
  expect(stack.gateway.isRunning()).toBe(true);
  expect({ warmMb: Math.round(warm), afterMb: Math.round(after), withinMargin: after <= warm + MARGIN_MB }).toMatchObject({ withinMargin: true });
  // 3,600 requests against separate processes: a busy 2-core machine needs more than jest's default minute.
}, 180_000);
