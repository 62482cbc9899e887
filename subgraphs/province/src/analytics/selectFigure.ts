import { indicatorByCode } from '@devzone/catalogue';
import type { ZoneFigure } from '../zoneReader/zoneReader';
import { isReportedKind, type Cell, type ValuePolicy } from './cell';

const periodEnd = (period: string) => period.split('/').pop() ?? period;
const PRECISION_RANK = { EXACT: 0, AT_LEAST: 1, ABOUT: 2 } as const;
const QUALIFIER_WORDS = { EXACT: '', AT_LEAST: 'at least ', ABOUT: 'about ' } as const;

type Kind = 'REPORTED' | 'COMPUTED';

const isKind = (figure: ZoneFigure, kind: Kind) => (kind === 'REPORTED' ? isReportedKind(figure.provenance.kind) : figure.provenance.kind === 'COMPUTED');

/** Unknown completeness (a zone service that does not say) counts as not complete. */
const overCompleteRecords = (figure: ZoneFigure) => figure.provenance.recordCompleteness === 'COMPLETE';

/** "7 named-only records", "1 record of unknown completeness". */
function recordsPhrase(figure: ZoneFigure): string {
  const n = figure.provenance.recordCount;
  const noun = n === 1 ? 'record' : 'records';
  const counted = n === null ? noun : `${n} ${noun}`;
  return figure.provenance.recordCompleteness === 'NAMED_ONLY' ? `${n === null ? '' : `${n} `}named-only ${noun}` : `${counted} of unknown completeness`;
}

export function missingCell(zoneId: string, code: string, note: string): Cell {
  return {
    zoneId,
    code,
    status: 'MISSING',
    value: null,
    unit: indicatorByCode(code)?.unit ?? '',
    qualifier: null,
    period: null,
    periodBasis: null,
    provenance: null,
    inputs: [],
    note,
  };
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
 * by source document. Computed figures count only when computed over COMPLETE
 * records, unless the policy opts in to named-only ones. The note says what
 * was chosen over what; a missing cell's note says what was left out and, when
 * the zone declared the indicator not assessable, the zone's reason.
 */
export function selectFigure(zoneId: string, code: string, figures: readonly ZoneFigure[], policy: ValuePolicy, unassessedReason: string | null = null): Cell {
  const kinds: Kind[] = policy.source === 'PREFER_REPORTED' ? ['REPORTED', 'COMPUTED'] : [policy.source === 'COMPUTED' ? 'COMPUTED' : 'REPORTED'];
  const own = figures.filter((f) => f.zoneId === zoneId && f.code === code && (!policy.period || f.period.startsWith(policy.period)));
  const leftOut: string[] = [];
  for (const kind of kinds) {
    let candidates = own.filter((f) => isKind(f, kind));
    if (kind === 'COMPUTED' && !policy.computedOverNamedOnly) {
      for (const f of candidates.filter((c) => !overCompleteRecords(c))) {
        leftOut.push(`the computed figure (${QUALIFIER_WORDS[f.qualifier]}${f.value}, over ${recordsPhrase(f)}) is not used: computedOverNamedOnly is off`);
      }
      candidates = candidates.filter(overCompleteRecords);
    }
    candidates.sort(
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
    if (kind === 'COMPUTED' && !overCompleteRecords(chosen)) {
      notes.push(`computed over ${recordsPhrase(chosen)} (only what the sources name, not the whole zone): used because computedOverNamedOnly is on`);
    }
    return cellOf(chosen, notes.length > 0 ? notes.join('; ') : null);
  }
  const wanted = policy.source === 'PREFER_REPORTED' ? 'reported or computed' : policy.source.toLowerCase();
  const notes = [`no ${wanted} figure${policy.period ? ` for period ${policy.period}` : ''}`, ...leftOut];
  if (unassessedReason && kinds.includes('COMPUTED'))
    notes.push(unassessedReason.startsWith('not assessable') ? unassessedReason : `not assessable: ${unassessedReason}`);
  return missingCell(zoneId, code, notes.join('; '));
}
