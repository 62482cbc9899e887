/**
 * Faults while a bounded load runs, against the production-like deployment: every
 * service a separate process (NODE_ENV=production), real PostgreSQL. One stack for
 * the file; the faults run one after the other and each is healed (and the answers
 * clean again) before the next, without restarting the gateway. A writer saves
 * selection runs throughout; the last test reads every acknowledged one back.
 */
import { describeExchange, exchange, type Exchange } from './exchange';
import { sleep, underLoad } from './faultPhase';
import { expectHeld, FAULT_MS, startFaultSuite, zoneFault, type FaultSuite } from './faultSuite';
import { oneZone, type Fault } from './readings';
import { verifyAcknowledgedWrites } from './verifyWrites';

let suite: FaultSuite;

beforeAll(async () => {
  suite = await startFaultSuite({
    ownDatabaseServer: ['chengxi'],
    fronts: { jinjiang: { script: 'tests/faults/fixtures/faultyZone.mjs', env: { REAL_ZONE: 'jinjiang', IMPOSTOR_ZONE: 'yongkang' } } },
  });
}, 120_000);

afterAll(async () => {
  await suite?.stack.stop();
}, 60_000);

async function readiness(): Promise<number> {
  return (await fetch(new URL('/ready', suite.stack.gatewayUrl))).status;
}

async function waitForReadiness(status: number, limitMs: number): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  let last = await readiness();
  while (last !== status && Date.now() < giveUpAt) {
    await sleep(100);
    last = await readiness();
  }
  expect(last).toBe(status);
}

/** Reads one zone until the answer says its service's breaker is open. */
async function waitForOpenBreaker(zoneId: string, limitMs: number): Promise<Exchange | undefined> {
  const reading = oneZone(zoneId);
  const giveUpAt = Date.now() + limitMs;
  while (Date.now() < giveUpAt) {
    const answer = await exchange(suite.stack.gatewayUrl, suite.context.authorization, reading.label, reading.query, reading.variables);
    if ((answer.body.errors ?? []).some((error) => error.extensions?.breaker === 'OPEN')) return answer;
  }
  return undefined;
}

async function setFrontMode(mode: 'pass' | 'wrong-ids' | 'garbage'): Promise<void> {
  const response = await fetch(new URL('/__fault', suite.stack.fronts.jinjiang!.url), { method: 'POST', body: JSON.stringify({ mode }) });
  expect(response.status).toBe(200);
}

describe('faults while a bounded load runs (4 readers and a writer; every answer within the 3000 ms request deadline + 2000 ms)', () => {
  it('a zone service killed (SIGKILL) and restarted on the same port: only its zone is named ZONE_UNAVAILABLE, then it is used again', async () => {
    const yongkang = suite.stack.zoneServices.yongkang;
    const url = yongkang.url;
    const fault = zoneFault(suite.stack, 'yongkang');

    const outcome = await underLoad(suite.context, 'kill', fault, { inject: () => yongkang.kill(), lastsMs: FAULT_MS, heal: () => yongkang.restart() });

    expect(yongkang.url).toBe(url);
    expectHeld(suite, outcome, fault);
  });

  it('a zone service hung (SIGSTOP) then resumed (SIGCONT): its zones time out, its breaker opens and answers OPEN, then it is used again', async () => {
    const anhui = suite.stack.zoneServices.anhui;
    const fault = zoneFault(suite.stack, 'anhui');
    let open: Exchange | undefined;

    const outcome = await underLoad(suite.context, 'hang', fault, {
      inject: async () => anhui.hang(),
      lastsMs: FAULT_MS,
      during: async () => {
        open = await waitForOpenBreaker(fault.zoneIds[0]!, 10_000);
      },
      heal: async () => anhui.resume(),
    });

    expectHeld(suite, outcome, fault);
    expect(open?.body.errors).toContainEqual(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'ZONE_UNAVAILABLE', zoneId: fault.zoneIds[0], service: 'anhui', breaker: 'OPEN' }),
      }),
    );
  });

  it("a zone's database stopped and restarted: ZONE_UNAVAILABLE naming zone and service without the driver's words, then its data again", async () => {
    const database = suite.stack.databaseServers.chengxi!;
    const zoneService = suite.stack.zoneServices.chengxi;
    const zoneServicePid = zoneService.pid;
    const fault = zoneFault(suite.stack, 'chengxi');

    const outcome = await underLoad(suite.context, 'database', fault, { inject: () => database.stop(), lastsMs: FAULT_MS, heal: () => database.restart() });

    expectHeld(suite, outcome, fault);
    // The zone service itself was not restarted either.
    expect(zoneService.pid).toBe(zoneServicePid);
  });

  it("a zone answering another zone's ids: refused whole, no entity of it reaches a client", async () => {
    const fault = zoneFault(suite.stack, 'jinjiang');

    const outcome = await underLoad(suite.context, 'wrong ids', fault, {
      inject: () => setFrontMode('wrong-ids'),
      lastsMs: FAULT_MS,
      heal: () => setFrontMode('pass'),
    });

    expectHeld(suite, outcome, fault);
    const impostors = outcome.reads.filter((read) => /"jinjiang".{0,40}"yongkang:/.test(JSON.stringify(read.body.data ?? null)));
    expect(impostors.map(describeExchange)).toEqual([]);
  });

  it('a zone answering garbage (text, cut JSON, too few entities): named, the others unaffected', async () => {
    const fault = zoneFault(suite.stack, 'jinjiang');

    const outcome = await underLoad(suite.context, 'garbage', fault, {
      inject: () => setFrontMode('garbage'),
      lastsMs: FAULT_MS,
      heal: () => setFrontMode('pass'),
    });

    expectHeld(suite, outcome, fault);
  });

  it('the province hung (SIGSTOP): answered within the request deadline naming it, /ready 503, then recovery and /ready 200', async () => {
    const fault: Fault = { service: 'province' };

    const outcome = await underLoad(suite.context, 'province', fault, {
      inject: async () => suite.stack.province.hang(),
      lastsMs: FAULT_MS,
      during: () => waitForReadiness(503, 10_000),
      heal: async () => suite.stack.province.resume(),
    });

    expectHeld(suite, outcome, fault);
    await waitForReadiness(200, 10_000);
  });

  it('zero lost acknowledged writes: every acknowledged run is stored once and whole; a failed one is absent or whole', async () => {
    const attempts = suite.context.writer.all();

    const report = await verifyAcknowledgedWrites(suite.stack, suite.context.writer.titlePrefix, attempts);

    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.failed).toBeGreaterThan(0);
  });
});
