import { parseBenchArgs } from '../options';
import { renderProvince, type ProvinceRow } from './provinceTable';
import { PROVINCE_SHAPES } from './shapes';
import { provinceSizes } from './sizes';

const [indicators, compare, selectionOff, selectionOn] = PROVINCE_SHAPES;

describe('--suite=province', () => {
  it('is selected with or without --quick; quick runs 4 and 40 zones once, full 4, 40 and 400 three times', () => {
    expect(parseBenchArgs(['--', '--suite=province', '--quick'])).toMatchObject({ suite: 'province', quick: true, only: undefined });
    expect(provinceSizes(true)).toMatchObject({ zoneCounts: [4, 40], rounds: 1, concurrency: 16 });
    expect(provinceSizes(false)).toMatchObject({ zoneCounts: [4, 40, 400], rounds: 3, concurrency: 16 });
  });
});

describe('answer checks', () => {
  const zones = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `syn-${i + 1}` }));
  const selection = (draws: number | null, failedZones: unknown[] = []) => ({
    selectBenchmarkSites: { ranked: [{ rank: 1 }], failedZones, robustness: { monteCarloDraws: draws } },
  });

  it('wants one entry per zone in the read and the comparison', () => {
    expect(() => indicators!.check({ zones: zones(40) }, 40)).not.toThrow();
    expect(() => indicators!.check({ zones: zones(39) }, 40)).toThrow("answer's zones holds 39 entries, not one per zone (40)");
    expect(() => compare!.check({ compareZones: { rows: zones(4) } }, 4)).not.toThrow();
    expect(() => compare!.check({ zones: [] }, 4)).toThrow('answer has no compareZones');
  });

  it('wants the selection to have run its Monte Carlo draws, or none, and no zone to have failed', () => {
    expect(() => selectionOff!.check(selection(null), 4)).not.toThrow();
    expect(() => selectionOn!.check(selection(1000), 4)).not.toThrow();
    expect(() => selectionOn!.check(selection(null), 4)).toThrow('selection ran null Monte Carlo draws, not 1000');
    expect(() => selectionOff!.check(selection(null, [{ zoneId: 'syn-2' }]), 4)).toThrow('1 zone(s) failed');
  });
});

describe('renderProvince', () => {
  const noCpu = { gateway: [], province: [], zoneServices: [], postgres: [] };
  const row = (zones: number, shape: string, p50: number[], failed = 0, cpu: ProvinceRow['cpu'] = noCpu): ProvinceRow => ({
    zones,
    shape,
    targetMs: 25,
    sequential: { count: 10 * p50.length, p50, p95: p50.map((x) => x * 2) },
    concurrent: { throughput: p50.map((x) => 1000 / x), p50: p50.map((x) => x * 16) },
    cpu,
    failed,
    ...(failed ? { firstError: 'timed out' } : {}),
  });

  it('prints the median of the rounds with their spread, zone counts ascending, and the failures', () => {
    const text = renderProvince([row(400, 'read', [90, 100, 110], 2), row(4, 'read', [5, 6, 7])], provinceSizes(false));
    const lines = text.split('\n').filter((l) => l.startsWith('| '));
    expect(lines[2]).toMatch(/^\| read +\| +4 \| +30 \| +6\.00 ±17% \| +12\.0 ±17% \| +≤ 25 \| +167 ±17% \| +96\.0 ±17% \| +0 \|$/);
    expect(lines[3]).toMatch(/^\| read +\| +400 \| +30 \| +100 ±10% \| +200 ±10% \| +≤ 25 \| +10\.0 ±10% \| +1600 ±10% \| +2 \|$/);
    expect(text).toContain('failures: 400 zones, read: 2 (first: timed out)');
  });

  it('prints one round without a spread, and a dash for a shape that measured nothing', () => {
    const text = renderProvince([row(4, 'read', [6]), row(40, 'compare', [])], provinceSizes(true));
    expect(text).toMatch(/\| read +\| +4 \| +10 \| +6\.00 \| +12\.0 \|/);
    expect(text).toMatch(/\| compare \| +40 \| +0 \| +- \| +- \|/);
  });

  it('prints the CPU per request of each process with the spread of the rounds, and their sum', () => {
    const cpu = { gateway: [12, 13, 14], province: [3], zoneServices: [40, 50, 60], postgres: [2, 2, 2] };
    const text = renderProvince([row(400, 'read', [100], 0, cpu), row(4, 'compare', [6])], provinceSizes(false));
    expect(text).toContain('### Province scale: CPU per request at 16 in flight, by process (ms)');
    const lines = text
      .slice(text.indexOf('CPU per request'))
      .split('\n')
      .filter((l) => l.startsWith('| '));
    expect(lines[0]).toMatch(/^\| shape \| zones \| +gateway \| province \| zone services \(all\) \| PostgreSQL \(all\) \| sum of medians \|$/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^\| read +\| +400 \| +13\.0 ±8% \| +3\.00 \| +50\.0 ±20% \| +2\.00 ±0% \| +68\.0 \|$/);
  });

  it('says the CPU was not measured where no process could be read', () => {
    expect(renderProvince([row(4, 'read', [6])], provinceSizes(true))).toContain('not measured: no /proc on this machine.');
  });
});
