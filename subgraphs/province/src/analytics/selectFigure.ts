import { indicatorByCode } from '@devzone/catalogue';
import type { ZoneFigure } from '../zoneReader/zoneReader';
import type { Cell, ValuePolicy } from './cell';

const periodEnd = (period: string) => period.split('/').pop() ?? period;
const PRECISION_RANK = { EXACT: 0, AT_LEAST: 1, ABOUT: 2 } as const;

function eligible(figure: ZoneFigure, policy: ValuePolicy, kind: 'REPORTED' | 'COMPUTED'): boolean {
  const isReported = figure.provenance.kind === 'REPORTED' || figure.provenance.kind === 'SYNTHETIC';
  if (kind === 'REPORTED' ? !isReported : figure.provenance.kind !== 'COMPUTED') return false;
  // Computed figures are "as of now": a period filter applies to reported figures only.
  return kind === 'COMPUTED' || !policy.period || figure.period.startsWith(policy.period);
}

export function missingCell(zoneId: string, code: string, note: string): Cell {
  return { zoneId, code, status: 'MISSING', value: null, unit: indicatorByCode(code)?.unit ?? '', qualifier: null, period: null, periodBasis: null, provenance: null, inputs: [], note };
}

export function cellOf(figure: ZoneFigure, note: string | null): Cell {
  return {
    zoneId: figure.zoneId,
    code: figure.code,
    status: 'PRESENT',
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    period: figure.period,
    periodBasis: figure.periodBasis,
    provenance: { ...figure.provenance },
    inputs: [],
    note,
  };
}

/**
 * Picks the figure an analysis uses for one zone and indicator: of the
 * allowed kind, in the period asked (else the latest), the most exact, then
 * by source document. The note says what was chosen over what.
 */
export function selectFigure(zoneId: string, code: string, figures: readonly ZoneFigure[], policy: ValuePolicy): Cell {
  const kinds: ('REPORTED' | 'COMPUTED')[] =
    policy.source === 'PREFER_REPORTED' ? ['REPORTED', 'COMPUTED'] : [policy.source === 'COMPUTED' ? 'COMPUTED' : 'REPORTED'];
  for (const kind of kinds) {
    const candidates = figures
      .filter((f) => f.zoneId === zoneId && f.code === code && eligible(f, policy, kind))
      .sort(
        (a, b) =>
          periodEnd(b.period).localeCompare(periodEnd(a.period)) ||
          PRECISION_RANK[a.qualifier] - PRECISION_RANK[b.qualifier] ||
          (a.provenance.document ?? '').localeCompare(b.provenance.document ?? ''),
      );
    if (candidates.length === 0) continue;
    const chosen = candidates[0];
    const notes: string[] = [];
    if (candidates.length > 1) notes.push(`${candidates.length} ${kind.toLowerCase()} figures; took the latest period (${chosen.period})`);
    if (kind === 'COMPUTED' && policy.source === 'PREFER_REPORTED') notes.push('no reported figure: computed from records');
    return cellOf(chosen, notes.length > 0 ? notes.join('; ') : null);
  }
  const wanted = policy.source === 'PREFER_REPORTED' ? 'reported or computed' : policy.source.toLowerCase();
  return missingCell(zoneId, code, `no ${wanted} figure${policy.period ? ` for period ${policy.period}` : ''}`);
}
