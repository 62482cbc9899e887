import type { DataVersionsAnswer } from '../fetchDataVersions';
import { VersionBatcher, type VersionedService } from '../versionBatcher';

const anhui: VersionedService = { name: 'anhui', url: 'http://127.0.0.1:4014/' };
const yongkang: VersionedService = { name: 'yongkang', url: 'http://127.0.0.1:4011/' };

/** A send whose answers the test gives, one request at a time; `flush()` runs the scheduled batches. */
function harness() {
  const sent: { service: string; zones: string[]; answer: (versions: Record<string, string>) => void }[] = [];
  const scheduled: (() => void)[] = [];
  const batcher = new VersionBatcher<VersionedService>(
    (service, zones) =>
      new Promise<DataVersionsAnswer>((resolve) => {
        sent.push({
          service: service.name,
          zones: [...zones],
          answer: (versions) => resolve({ status: 'answered', versions: new Map(Object.entries(versions)) }),
        });
      }),
    (flush) => scheduled.push(flush),
  );
  const flush = () => scheduled.splice(0).forEach((run) => run());
  return { batcher, sent, flush };
}

describe('VersionBatcher', () => {
  it('sends the reads of one turn as one request per service, with every zone they ask', async () => {
    const { batcher, sent, flush } = harness();
    const first = batcher.versionsOf(anhui, ['feixi']);
    const second = batcher.versionsOf(anhui, ['chuzhou', 'feixi']);
    const other = batcher.versionsOf(yongkang, ['yongkang']);
    expect(sent).toHaveLength(0);

    flush();
    expect(sent.map(({ service, zones }) => ({ service, zones }))).toEqual([
      { service: 'anhui', zones: ['feixi', 'chuzhou'] },
      { service: 'yongkang', zones: ['yongkang'] },
    ]);
    sent[0]!.answer({ feixi: '3', chuzhou: '9' });
    sent[1]!.answer({ yongkang: '17' });
    expect(await first).toEqual({
      status: 'answered',
      versions: new Map([
        ['feixi', '3'],
        ['chuzhou', '9'],
      ]),
    });
    expect(await second).toBe(await first);
    expect(await other).toEqual({ status: 'answered', versions: new Map([['yongkang', '17']]) });
  });

  it('never lets a read join a request sent before it started: it waits for a request of its own, sent once that one settles', async () => {
    const { batcher, sent, flush } = harness();
    const early = batcher.versionsOf(anhui, ['feixi']);
    flush();
    expect(sent).toHaveLength(1);

    // The first request is on its way (a write may complete now): a read starting now asks again.
    const late = batcher.versionsOf(anhui, ['feixi']);
    flush();
    expect(sent).toHaveLength(1);

    sent[0]!.answer({ feixi: '3' });
    expect(await early).toEqual({ status: 'answered', versions: new Map([['feixi', '3']]) });
    await new Promise((resolve) => setImmediate(resolve));
    flush();
    expect(sent).toHaveLength(2);
    sent[1]!.answer({ feixi: '4' });
    expect(await late).toEqual({ status: 'answered', versions: new Map([['feixi', '4']]) });
  });

  it('gathers the reads that start while a request is on its way into one next request, per service', async () => {
    const { batcher, sent, flush } = harness();
    void batcher.versionsOf(anhui, ['feixi']);
    flush();
    const waiting = [batcher.versionsOf(anhui, ['feixi']), batcher.versionsOf(yongkang, ['yongkang'])];
    flush();
    waiting.push(batcher.versionsOf(anhui, ['chuzhou']));
    flush();
    // yongkang had nothing on its way: its read was sent at once; anhui's two wait for the first.
    expect(sent.map(({ service, zones }) => `${service}:${zones.join(',')}`)).toEqual(['anhui:feixi', 'yongkang:yongkang']);

    sent[0]!.answer({ feixi: '3' });
    await new Promise((resolve) => setImmediate(resolve));
    flush();
    expect(sent.map(({ service, zones }) => `${service}:${zones.join(',')}`)).toEqual(['anhui:feixi', 'yongkang:yongkang', 'anhui:feixi,chuzhou']);
    sent[1]!.answer({ yongkang: '17' });
    sent[2]!.answer({ feixi: '4', chuzhou: '9' });
    const [second, other, third] = await Promise.all(waiting);
    expect(third).toBe(second);
    expect(second).toEqual({
      status: 'answered',
      versions: new Map([
        ['feixi', '4'],
        ['chuzhou', '9'],
      ]),
    });
    expect(other).toEqual({ status: 'answered', versions: new Map([['yongkang', '17']]) });
  });

  it('sends the next batch after a failed request too', async () => {
    let calls = 0;
    const scheduled: (() => void)[] = [];
    const batcher = new VersionBatcher<VersionedService>(
      async (_service, zones) => {
        calls += 1;
        if (calls === 1) throw new Error('socket hang up');
        return { status: 'answered', versions: new Map(zones.map((zone) => [zone, '5'])) };
      },
      (flush) => scheduled.push(flush),
    );
    const first = batcher.versionsOf(anhui, ['feixi']);
    scheduled.splice(0).forEach((run) => run());
    const second = batcher.versionsOf(anhui, ['feixi']);
    expect(await first).toEqual({ status: 'failed', reason: 'error', detail: 'socket hang up' });
    await new Promise((resolve) => setImmediate(resolve));
    scheduled.splice(0).forEach((run) => run());
    expect(await second).toEqual({ status: 'answered', versions: new Map([['feixi', '5']]) });
  });

  it('splits a batch of more than 1,000 zones into requests of 1,000 and answers them as one', async () => {
    const { batcher, sent, flush } = harness();
    const zones = Array.from({ length: 2100 }, (_, i) => `z${i}`);
    const answer = batcher.versionsOf(anhui, zones);
    flush();
    expect(sent.map((request) => request.zones.length)).toEqual([1000, 1000, 100]);
    sent.forEach((request) => request.answer(Object.fromEntries(request.zones.map((zone) => [zone, '1']))));
    const read = await answer;
    expect(read.status === 'answered' && read.versions.size).toBe(2100);
  });

  it('answers a failure of any part of a batch as the failure, and a throwing send as an error', async () => {
    const failing = new VersionBatcher<VersionedService>(
      async () => {
        throw new Error('socket hang up');
      },
      (flush) => flush(),
    );
    expect(await failing.versionsOf(anhui, ['feixi'])).toEqual({ status: 'failed', reason: 'error', detail: 'socket hang up' });
  });
});
