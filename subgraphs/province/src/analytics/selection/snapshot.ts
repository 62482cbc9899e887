import type { ZoneReadFailure } from '../../zoneReader/zoneReader';
import type { Cell } from '../cell';

/** An on-site meeting a candidate hosted, as the province directory states it. */
export interface HostingRecord {
  zoneId: string;
  meetingId: string;
  title: string;
  /** `2018`, or `2018/2019` when the source only gives the span. */
  period: string;
  precision: 'exact_year' | 'within_period' | 'announced';
  document: string;
}

/**
 * Everything a selection run read, frozen: the candidates, every figure used
 * (with provenance), the zones that failed and the hosting history. Running
 * the same settings on the same snapshot gives the same result, bit for bit.
 */
export interface SelectionSnapshot {
  takenAt: string;
  zones: { id: string; provinceCode: string }[];
  cells: Record<string, Record<string, Cell>>;
  failures: ZoneReadFailure[];
  hosting: HostingRecord[];
}
