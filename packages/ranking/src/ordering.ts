/**
 * Deterministic ordering and tie handling shared by every method.
 *
 * Order: score descending, then id ascending by UTF-16 code units (locale
 * independent). Ranks use standard competition ranking ("1224"): tied
 * candidates share the best rank of their group and the next rank skips.
 */

/** Default relative tolerance under which two scores count as tied. */
export const DEFAULT_TIE_TOLERANCE = 1e-9;

/** Locale-independent string comparison (UTF-16 code-unit order). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when |a - b| <= tol * max(1, |a|, |b|). */
export function scoresTie(a: number, b: number, tol: number = DEFAULT_TIE_TOLERANCE): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Indices of `scores` in output order: score descending, then id ascending. */
export function orderIndices(ids: readonly string[], scores: ArrayLike<number>, tol: number = DEFAULT_TIE_TOLERANCE): number[] {
  const idx = ids.map((_, i) => i);
  idx.sort((a, b) => {
    if (!scoresTie(scores[a], scores[b], tol)) return scores[b] - scores[a];
    return compareIds(ids[a], ids[b]);
  });
  return idx;
}

/**
 * Standard competition ranks (1,2,2,4) aligned with the input order.
 * Ties are detected between neighbours in the sorted order with `scoresTie`.
 */
export function competitionRanks(ids: readonly string[], scores: ArrayLike<number>, tol: number = DEFAULT_TIE_TOLERANCE): number[] {
  const order = orderIndices(ids, scores, tol);
  const ranks = new Array<number>(ids.length);
  order.forEach((i, pos) => {
    if (pos > 0) {
      const prev = order[pos - 1];
      if (scoresTie(scores[prev], scores[i], tol)) {
        ranks[i] = ranks[prev];
        return;
      }
    }
    ranks[i] = pos + 1;
  });
  return ranks;
}
