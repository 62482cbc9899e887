import { competitionRanks, scoresTie } from '../ordering';

/**
 * Competition ranks of many score vectors over the same candidates, the same as
 * `competitionRanks` gives, at a fraction of its cost: robustness ranks every
 * candidate in each of thousands of draws.
 *
 * `competitionRanks` sorts with a comparator (ties by `scoresTie`, then id) and
 * gives each candidate the rank of the first of its run of tied neighbours. Sort
 * the scores numerically instead and split them into chains of neighbours that
 * tie. For tol <= 1, when x >= y >= z and x ties z, x ties y and y ties z; so when
 * the ends of every chain tie, every pair within a chain ties and no pair across
 * chains does. The comparator then orders chain by chain (by score), and within a
 * chain by id, and every candidate's rank is 1 + the number of candidates in higher
 * chains, whatever the ids.
 *
 * The numeric sort is the native sort of a Float64Array (no comparator). To know
 * whose score lands where, each key carries its candidate's index in the lowest
 * bits of its mantissa: that moves it by fewer than 2^bits units in the last place,
 * so only scores closer than that can swap, and a pass over the sorted keys checks
 * that the true scores come out in order. The draw goes to `competitionRanks`
 * itself when they do not, when some chain's ends do not tie (near-ties chaining
 * wider than the tolerance, where the result hangs on the comparator sort's order
 * of visits), when tol > 1, or when a score is not finite. Nothing is allocated
 * per call except in that fallback.
 */
export interface Ranker {
  /** ranks[i] = the competition rank of candidate i under `scores`, as `competitionRanks(ids, scores, tol)[i]`. */
  ranksInto(scores: Float64Array, ranks: Int32Array): void;
}

/** Which 32-bit half of a float64 holds the low mantissa bits on this machine. */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

export function createRanker(ids: readonly string[], tol: number): Ranker {
  const m = ids.length;
  const keys = new Float64Array(m);
  const words = new Uint32Array(keys.buffer);
  const bits = Math.max(1, Math.ceil(Math.log2(m)));
  const mask = bits >= 32 ? 0xffffffff : 2 ** bits - 1;
  /** order[p] = the candidate at ascending position p. */
  const order = new Int32Array(m);
  const fallback = (scores: Float64Array, ranks: Int32Array) => {
    const reference = competitionRanks(ids, scores, tol);
    for (let i = 0; i < m; i += 1) ranks[i] = reference[i];
  };
  return {
    ranksInto(scores, ranks) {
      if (!(tol <= 1)) return fallback(scores, ranks);
      for (let i = 0; i < m; i += 1) {
        if (!Number.isFinite(scores[i])) return fallback(scores, ranks);
        keys[i] = scores[i];
        const w = 2 * i + LOW_WORD;
        words[w] = (words[w] & ~mask) | i;
      }
      keys.sort();
      for (let p = 0; p < m; p += 1) {
        order[p] = words[2 * p + LOW_WORD] & mask;
        if (p > 0 && scores[order[p - 1]] > scores[order[p]]) return fallback(scores, ranks);
      }
      if (!chainRanks(scores, order, tol, ranks)) fallback(scores, ranks);
    },
  };
}

/**
 * Walks `order` (ascending scores) from the top, giving each candidate m - (position
 * of the top of its chain); false as soon as a chain's ends do not tie.
 */
function chainRanks(scores: Float64Array, order: Int32Array, tol: number, ranks: Int32Array): boolean {
  const m = order.length;
  let top = m - 1;
  for (let p = m - 1; p >= 0; p -= 1) {
    ranks[order[p]] = m - top;
    const tiesBelow = p > 0 && scoresTie(scores[order[p - 1]], scores[order[p]], tol);
    if (!tiesBelow) {
      if (p !== top && !scoresTie(scores[order[p]], scores[order[top]], tol)) return false;
      top = p - 1;
    }
  }
  return true;
}
