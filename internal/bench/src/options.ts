import { parseArgs } from 'node:util';
import type { SampleOptions } from './sample';

export const SUITE_NAMES = ['overhead', 'fanout', 'statements', 'throughput', 'selection', 'deep-pages', 'write-cost'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

/** Suites run on their own (`--suite=<name>`), not part of the default run. */
export const SEPARATE_SUITES = ['side-by-side', 'province', 'hop'] as const;
export type SeparateSuite = (typeof SEPARATE_SUITES)[number];

export interface BenchArgs {
  quick: boolean;
  only: SuiteName | undefined;
  suite: SeparateSuite | undefined;
  help: boolean;
}

export const USAGE = `usage: pnpm bench [-- --quick] [-- --only=<${SUITE_NAMES.join('|')}>]
  --quick        small sizes (smoke run, about a minute): 4/40 zones, 100/1,000 enterprises, 2-second windows
  --only=<name>  run one measurement (deep-pages: the first, a middle and the last page of a 100,000-enterprise zone, by offset and by cursor; write-cost: writes to a zone database with its triggers on and off)
  --suite=side-by-side  instead: the zone service directly vs this gateway vs a plain @apollo/gateway vs Hive Gateway, every service its own process
  --suite=province      instead: 4/40/400 zones on 4 zone services, every service its own process: province-wide reads, compareZones and selection, one at a time and 16 in flight (--quick: 4/40 zones, one round)
  --suite=hop           instead: what one process between client and zone service costs at c=1, from forwarders on Node's HTTP server and undici to raw sockets, beside this gateway (8 rounds of 3 s; --quick: one round)
  (default: every measurement at full size: 4/40/400 zones, 100/10,000/100,000 enterprises, 10-second windows)`;

/** Parses the bench's flags; unknown flags and suite names are errors. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      suite: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = values.only;
  if (only !== undefined && !(SUITE_NAMES as readonly string[]).includes(only)) {
    throw new Error(`--only=${only}: unknown measurement (one of ${SUITE_NAMES.join(', ')})`);
  }
  const suite = values.suite;
  if (suite !== undefined && !(SEPARATE_SUITES as readonly string[]).includes(suite))
    throw new Error(`--suite=${suite}: unknown suite (one of ${SEPARATE_SUITES.join(', ')})`);
  if (suite !== undefined && only !== undefined) throw new Error(`--suite=${suite} and --only=${only} exclude each other`);
  return { quick: values.quick ?? false, only: only as SuiteName | undefined, suite: suite as SeparateSuite | undefined, help: values.help ?? false };
}

/** Every size and budget of a run; each loop in the suites is bounded by these. */
export interface BenchSizes {
  mode: 'quick' | 'full';
  overhead: SampleOptions;
  fanout: { zonesPerService: number; delaysMs: readonly number[]; sample: SampleOptions };
  statements: { zones: number; enterprisesPerZone: number; pageSizes: readonly number[]; repeats: number };
  throughput: {
    concurrency: number;
    windowMs: number;
    maxRequests: number;
    warmupRequests: number;
    zoneCounts: readonly number[];
    enterprisesPerZone: number;
    enterpriseCounts: readonly number[];
    pageSize: number;
  };
  selection: { zoneCounts: readonly number[]; enterprisesPerZone: number; sample: SampleOptions };
  deepPages: { enterprises: number; pageSize: number; orders: readonly string[]; sample: SampleOptions };
  /** Enterprises of the bulk insert, one-row writes of each kind per round, rounds. */
  writeCost: { rows: number; singles: number; rounds: number };
}

export function sizesFor(quick: boolean): BenchSizes {
  if (quick) {
    return {
      mode: 'quick',
      overhead: { warmup: 20, iterations: 200, maxMs: 2000 },
      fanout: { zonesPerService: 2, delaysMs: [20, 40, 60, 80], sample: { warmup: 5, iterations: 30, maxMs: 4000 } },
      statements: { zones: 4, enterprisesPerZone: 500, pageSizes: [5, 50, 500], repeats: 2 },
      throughput: {
        concurrency: 16,
        windowMs: 2000,
        maxRequests: 20_000,
        warmupRequests: 32,
        zoneCounts: [4, 40],
        enterprisesPerZone: 100,
        enterpriseCounts: [100, 1000],
        pageSize: 20,
      },
      selection: { zoneCounts: [4, 40], enterprisesPerZone: 100, sample: { warmup: 2, iterations: 20, maxMs: 3000 } },
      deepPages: { enterprises: 10_000, pageSize: 20, orders: ['NAME_ASC', 'TAX_DESC'], sample: { warmup: 3, iterations: 30, maxMs: 2000 } },
      writeCost: { rows: 10_000, singles: 200, rounds: 2 },
    };
  }
  return {
    mode: 'full',
    overhead: { warmup: 50, iterations: 2000, maxMs: 10_000 },
    fanout: { zonesPerService: 4, delaysMs: [20, 40, 60, 80], sample: { warmup: 10, iterations: 100, maxMs: 15_000 } },
    statements: { zones: 8, enterprisesPerZone: 500, pageSizes: [5, 50, 500], repeats: 3 },
    throughput: {
      concurrency: 16,
      windowMs: 10_000,
      maxRequests: 200_000,
      warmupRequests: 64,
      zoneCounts: [4, 40, 400],
      enterprisesPerZone: 100,
      enterpriseCounts: [100, 10_000, 100_000],
      pageSize: 20,
    },
    selection: { zoneCounts: [40, 400], enterprisesPerZone: 100, sample: { warmup: 3, iterations: 50, maxMs: 20_000 } },
    deepPages: { enterprises: 100_000, pageSize: 20, orders: ['NAME_ASC', 'TAX_DESC'], sample: { warmup: 5, iterations: 100, maxMs: 8000 } },
    writeCost: { rows: 100_000, singles: 2000, rounds: 3 },
  };
}
