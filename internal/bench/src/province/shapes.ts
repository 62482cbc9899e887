import { PROVINCE_WIDE_GATEWAY } from '../sideBySide/shapes';
import { SELECT, selectionVariables, VARIANTS, type SelectionVariant } from '../suites/selection';

/** One query of the province suite, as sent to the gateway, and what a right answer over N zones holds. */
export interface ProvinceShape {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Issue #11's target for the p50 at 400 zones, one request at a time, in ms. */
  targetMs: number;
  /** Throws, saying what is wrong, unless `data` is a full answer over `zones` zones. */
  check(data: unknown, zones: number): void;
}

const COMPARE = `{ compareZones(indicators: ["party_org.count", "org_coverage.rate", "honor.count"]) { rows { zone { id } cells { code status value } } } }`;

/** `data.a.b…`, or an error naming the path that is missing. */
function at(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const [i, key] of path.entries()) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`answer has no ${path.slice(0, i + 1).join('.')}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function listAt(data: unknown, path: readonly string[]): unknown[] {
  const value = at(data, path);
  if (!Array.isArray(value)) throw new Error(`answer's ${path.join('.')} is not a list`);
  return value;
}

function expectCount(data: unknown, path: readonly string[], zones: number): void {
  const length = listAt(data, path).length;
  if (length !== zones) throw new Error(`answer's ${path.join('.')} holds ${length} entries, not one per zone (${zones})`);
}

function selectionShape(variant: SelectionVariant, name: string, targetMs: number, draws: number | null): ProvinceShape {
  return {
    name,
    query: SELECT,
    variables: selectionVariables(variant),
    targetMs,
    check(data) {
      const failed = listAt(data, ['selectBenchmarkSites', 'failedZones']).length;
      if (failed > 0) throw new Error(`selection: ${failed} zone(s) failed`);
      if (listAt(data, ['selectBenchmarkSites', 'ranked']).length === 0) throw new Error('selection ranked no zone');
      const ran = at(data, ['selectBenchmarkSites', 'robustness', 'monteCarloDraws']);
      if (ran !== draws) throw new Error(`selection ran ${String(ran)} Monte Carlo draws, not ${String(draws)}`);
    },
  };
}

// Measurement 5's variants: one without a robustness input (the defaults run), one switching every analysis off.
const withRobustness = VARIANTS.find((v) => v.robustness === undefined)!;
const withoutRobustness = VARIANTS.find((v) => v.robustness !== undefined)!;

/** The four shapes of issue #11, in print order: measurement 4b's read, compareZones, measurement 5's selection off and on. */
export const PROVINCE_SHAPES: readonly ProvinceShape[] = [
  {
    name: 'province-wide indicators, 3 codes',
    query: PROVINCE_WIDE_GATEWAY,
    variables: {},
    targetMs: 25,
    check: (data, zones) => expectCount(data, ['zones'], zones),
  },
  {
    name: 'compareZones, every zone, 3 codes',
    query: COMPARE,
    variables: {},
    targetMs: 40,
    check: (data, zones) => expectCount(data, ['compareZones', 'rows'], zones),
  },
  selectionShape(withoutRobustness, 'selectBenchmarkSites, robustness off', 50, null),
  selectionShape(withRobustness, 'selectBenchmarkSites, robustness defaults', 120, 1000),
];
