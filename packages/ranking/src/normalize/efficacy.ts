import type { CriterionBounds } from '../types';
import type { EfficacyClamp } from './types';

/** The default clamp band [60, 100]: unacceptable -> 60, satisfactory -> 100. */
export const EFFICACY_DEFAULT_CLAMP = { min: 60, max: 100 } as const;

/**
 * Efficacy-coefficient score (功效系数法) with FIXED reference bounds.
 *
 *   d = 60 + 40 * (x - unacceptable) / (satisfactory - unacceptable)
 *
 * `unacceptable` (不允许值) scores 60, `satisfactory` (满意值) scores 100. For a
 * cost criterion the bounds satisfy unacceptable > satisfactory, so the same
 * formula already rewards smaller values: no separate flip is needed.
 *
 * Reference: the standard single-indicator efficacy coefficient
 * d_i = (x_i - x_si)/(x_hi - x_si) * 40 + 60 (x_h 满意值, x_s 不允许值), e.g. the Chinese
 * statistician-qualification exam item: contribution rate 5.81%, satisfactory 12%,
 * unacceptable 6% gives d = 58.73. It is the linear one-sided desirability function
 * of Derringer, G. & Suich, R. (1980) J. Quality Technology 12(4), 214-219, rescaled
 * to the 60-100 band.
 *
 * Because the bounds do not depend on the other candidates, adding or removing a
 * candidate never changes anyone else's value (no normalisation-induced rank
 * reversal). Values outside the bounds extrapolate linearly (may exceed 100 or
 * fall below 60) unless `clamp` is set: `true` clamps to [60, 100], an object to
 * its own [min, max]. There is no degenerate case: bounds are validated to differ.
 */
export function efficacyScore(x: number, bounds: CriterionBounds, clamp: EfficacyClamp = false): number {
  const d = 60 + (40 * (x - bounds.unacceptable)) / (bounds.satisfactory - bounds.unacceptable);
  if (clamp === false) return d;
  const band = clamp === true ? EFFICACY_DEFAULT_CLAMP : clamp;
  return Math.min(band.max, Math.max(band.min, d));
}

/** Efficacy scores of a whole column with the same fixed bounds. */
export function efficacyColumn(values: readonly number[], bounds: CriterionBounds, clamp: EfficacyClamp = false): number[] {
  return values.map((x) => efficacyScore(x, bounds, clamp));
}
