import type { Cell } from '../cell';
import type { ExclusionReason, SelectionOutcome } from './outcome';
import type { SelectionSnapshot } from './snapshot';

export type ZoneStanding = 'RANKED' | ExclusionReason | 'NOT_A_CANDIDATE';

export interface StandingMove {
  zoneId: string;
  saved: { standing: ZoneStanding; rank: number | null; score: number | null };
  current: { standing: ZoneStanding; rank: number | null; score: number | null };
}

export interface FigureChange {
  zoneId: string;
  indicator: string;
  saved: Cell | null;
  current: Cell | null;
}

export interface RunComparison {
  savedSelected: string[];
  currentSelected: string[];
  /** Whether a different set of zones is selected (their order among themselves aside). */
  selectionChanged: boolean;
  /** Zones whose standing, rank or score differs, in directory order. */
  moves: StandingMove[];
  /** Figures whose value, status, qualifier, source or record completeness differs (not the period alone: runs saved before computed figures were dated by their records dated them the day they were read). */
  figureChanges: FigureChange[];
}

function standingOf(outcome: SelectionOutcome, zoneId: string): StandingMove['saved'] {
  const ranked = outcome.ranked.find((r) => r.zoneId === zoneId);
  if (ranked) return { standing: 'RANKED', rank: ranked.rank, score: ranked.score };
  const excluded = outcome.excluded.find((e) => e.zoneId === zoneId);
  return { standing: excluded ? excluded.reason : 'NOT_A_CANDIDATE', rank: null, score: null };
}

/** Cells saved before record completeness was read do not know it: unknown is not a change. */
const sameCompleteness = (a: Cell | null, b: Cell | null) => {
  const before = a?.provenance?.recordCompleteness;
  const after = b?.provenance?.recordCompleteness;
  return before === undefined || after === undefined || before === after;
};

const sameFigure = (a: Cell | null, b: Cell | null) =>
  a?.status === b?.status &&
  a?.value === b?.value &&
  a?.qualifier === b?.qualifier &&
  a?.provenance?.kind === b?.provenance?.kind &&
  a?.provenance?.document === b?.provenance?.document &&
  sameCompleteness(a, b);

/** What moved between a saved run and the same settings on current data. */
export function compareRuns(
  saved: { outcome: SelectionOutcome; snapshot: SelectionSnapshot },
  current: { outcome: SelectionOutcome; snapshot: SelectionSnapshot },
): RunComparison {
  const zoneIds = [...new Set([...saved.snapshot.zones, ...current.snapshot.zones].map((z) => z.id))];
  const moves: StandingMove[] = [];
  const figureChanges: FigureChange[] = [];
  for (const zoneId of zoneIds) {
    const before = standingOf(saved.outcome, zoneId);
    const after = standingOf(current.outcome, zoneId);
    if (before.standing !== after.standing || before.rank !== after.rank || before.score !== after.score) moves.push({ zoneId, saved: before, current: after });
    const codes = [...new Set([...Object.keys(saved.snapshot.cells[zoneId] ?? {}), ...Object.keys(current.snapshot.cells[zoneId] ?? {})])].sort();
    for (const indicator of codes) {
      const a = saved.snapshot.cells[zoneId]?.[indicator] ?? null;
      const b = current.snapshot.cells[zoneId]?.[indicator] ?? null;
      if (!sameFigure(a, b)) figureChanges.push({ zoneId, indicator, saved: a, current: b });
    }
  }
  const selected = (o: SelectionOutcome) => o.ranked.filter((r) => r.selected).map((r) => r.zoneId);
  const savedSelected = selected(saved.outcome);
  const currentSelected = selected(current.outcome);
  return {
    savedSelected,
    currentSelected,
    selectionChanged: [...savedSelected].sort().join() !== [...currentSelected].sort().join(),
    moves,
    figureChanges,
  };
}
