import type { NumericMatrix } from '../types';

/** Clamp range for the efficacy-coefficient score; `true` means [60, 100]. */
export type EfficacyClamp = boolean | { readonly min: number; readonly max: number };

/** Which normalisation to apply to each criterion column. */
export type NormalizationSpec =
  { readonly kind: 'min-max' } | { readonly kind: 'vector' } | { readonly kind: 'z-score' } | { readonly kind: 'efficacy'; readonly clamp?: EfficacyClamp };

export type NormalizationKind = NormalizationSpec['kind'];

/**
 * A normalised matrix. `values[i][j]` is benefit-oriented: for every criterion,
 * larger is better (cost criteria are flipped by the normaliser). `raw` keeps
 * the input values for reporting.
 */
export interface NormalizedMatrix extends NumericMatrix {
  readonly raw: readonly (readonly number[])[];
  readonly normalization: NormalizationKind;
}
