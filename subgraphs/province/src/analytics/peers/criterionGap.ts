import { presentValue, round4, type Cell } from '../cell';
import type { ResolvedCriterion } from '../criteria';

/** How a peer compares with the learner on one criterion. */
export interface CriterionGap {
  criterion: ResolvedCriterion;
  own: Cell;
  peer: Cell;
  /** peer − own for BENEFIT, own − peer for COST: positive means the peer is better. Null when a figure is missing. */
  gap: number | null;
  /** gap ÷ |own|; null when own is 0 or a figure is missing. */
  relativeGap: number | null;
  /** gap > 0; null when a figure is missing. */
  peerIsStronger: boolean | null;
  /** Caveats: missing figures, lower bounds or approximations, different periods. */
  note: string | null;
}

function caveats(own: Cell, peer: Cell): string[] {
  const notes: string[] = [];
  const inexact = [
    own.qualifier && own.qualifier !== 'EXACT' ? `own is ${own.qualifier}` : null,
    peer.qualifier && peer.qualifier !== 'EXACT' ? `peer is ${peer.qualifier}` : null,
  ].filter((n): n is string => n !== null);
  if (inexact.length > 0) notes.push(`not exact (${inexact.join(', ')}): the gap is approximate`);
  if (own.period !== peer.period) notes.push(`periods differ (own ${own.period}, peer ${peer.period})`);
  if (own.provenance?.kind !== peer.provenance?.kind) notes.push(`kinds differ (own ${own.provenance?.kind}, peer ${peer.provenance?.kind})`);
  return notes;
}

/** The gap on one criterion, oriented so that a positive gap means the peer is better. Missing figures give nulls, never 0. */
export function criterionGap(criterion: ResolvedCriterion, own: Cell, peer: Cell): CriterionGap {
  const a = presentValue(own);
  const b = presentValue(peer);
  if (a === null || b === null) {
    const missing = [a === null ? `own: ${own.note ?? own.status}` : null, b === null ? `peer: ${peer.note ?? peer.status}` : null].filter(
      (n): n is string => n !== null,
    );
    return { criterion, own, peer, gap: null, relativeGap: null, peerIsStronger: null, note: `not compared, figure missing (${missing.join('; ')})` };
  }
  const gap = round4(criterion.direction === 'cost' ? a - b : b - a);
  const notes = caveats(own, peer);
  return {
    criterion,
    own,
    peer,
    gap,
    relativeGap: a === 0 ? null : round4(gap / Math.abs(a)),
    peerIsStronger: gap > 0,
    note: notes.length > 0 ? notes.join('; ') : null,
  };
}
