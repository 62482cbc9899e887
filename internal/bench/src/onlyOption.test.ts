import { parseBenchArgs, sizesFor, SUITE_NAMES } from './options';
import { SUITES } from './suites';

describe('--only', () => {
  it('selects one measurement of the default run, write-cost included, and refuses an unknown one naming the known ones', () => {
    expect(parseBenchArgs(['--only=write-cost'])).toMatchObject({ only: 'write-cost', suite: undefined });
    expect(() => parseBenchArgs(['--only=writecost'])).toThrow(
      '--only=writecost: unknown measurement (one of overhead, fanout, statements, throughput, selection, deep-pages, write-cost)',
    );
  });

  it('names exactly the measurements the default run has, in its order', () => {
    expect(SUITES.map((suite) => suite.name)).toEqual([...SUITE_NAMES]);
  });

  it('gives write-cost a smaller run with --quick', () => {
    const [quick, full] = [sizesFor(true).writeCost, sizesFor(false).writeCost];
    expect(quick.rows).toBeLessThan(full.rows);
    expect(quick.singles).toBeLessThan(full.singles);
  });
});
