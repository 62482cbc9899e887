/**
 * The candidates that could overtake the winner somewhere on one criterion's
 * weight path, for the weighted sum; the dethrone search scores only these.
 *
 * Along the path w'(t) = reweight(w, j, t), a candidate's weighted sum is linear in t:
 *
 *   S_i(t) = t n_ij + (1 - t) A_i,   A_i = sum_{k != j} w_k n_ik / (1 - w_j)
 *
 * (A_i is the plain mean of the other criteria when w_j = 1). So S_i - S_winner is
 * linear too, and when it is below -margin at both ends of [from, to] it is below
 * -margin all along. The margin (1e-9 of the largest normalised value, plus 1e-9)
 * is many orders above the rounding of a score computed in floating point (a few
 * units in the last place of n terms), so such a candidate's computed score stays
 * below the winner's at every t the search tries: leaving it out changes no answer.
 */
export function weightedSumContenders(
  values: readonly (readonly number[])[],
  w: readonly number[],
  j: number,
  winner: number,
  from: number,
  to: number,
): Int32Array {
  const n = w.length;
  const rest = 1 - w[j];
  const others = (row: readonly number[]) => {
    let s = 0;
    for (let k = 0; k < n; k += 1) if (k !== j) s += rest > 1e-15 ? w[k] * row[k] : row[k];
    return rest > 1e-15 ? s / rest : s / (n - 1);
  };
  const at = (row: readonly number[], a: number, t: number) => t * row[j] + (1 - t) * a;
  let largest = 0;
  for (const row of values) for (const x of row) largest = Math.max(largest, Math.abs(x));
  const margin = 1e-9 * (1 + largest);
  const lead = values[winner];
  const leadOthers = others(lead);
  const kept: number[] = [];
  values.forEach((row, i) => {
    if (i === winner) return;
    const a = others(row);
    const gapFrom = at(row, a, from) - at(lead, leadOthers, from);
    const gapTo = at(row, a, to) - at(lead, leadOthers, to);
    if (Math.max(gapFrom, gapTo) > -margin) kept.push(i);
  });
  return Int32Array.from(kept);
}

/** One candidate's weighted sum, with the arithmetic of `weightedSumScores` (criteria order, from 0). */
export function weightedSumOf(row: readonly number[], w: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < w.length; j += 1) s += w[j] * row[j];
  return s;
}
