import type { ServiceHealthReport } from '@devzone/registry';

export interface ServiceHealthSummary {
  /** The worst state any gateway replica saw; `unknown` before the first check. */
  readonly state: 'up' | 'degraded' | 'down' | 'unknown';
  readonly lastSeen: string | null;
  readonly checkedAt: string | null;
  readonly detail: string | null;
}

const SEVERITY = ['up', 'degraded', 'down'] as const;

/** One service's health across replicas: the worst state, the latest answer and check, and the detail of the worst report. */
export function summarizeServiceHealth(reports: readonly ServiceHealthReport[]): ServiceHealthSummary {
  if (reports.length === 0) return { state: 'unknown', lastSeen: null, checkedAt: null, detail: null };
  const worst = reports.reduce((a, b) => (SEVERITY.indexOf(b.state) > SEVERITY.indexOf(a.state) ? b : a));
  const latest = (values: readonly (string | null)[]) =>
    values
      .filter((value): value is string => value !== null)
      .sort()
      .at(-1) ?? null;
  return {
    state: worst.state,
    lastSeen: latest(reports.map((report) => report.lastSeen)),
    checkedAt: latest(reports.map((report) => report.checkedAt)),
    detail: worst.state === 'up' ? null : worst.detail,
  };
}
