/** One part of a similarity: a value in [0, 1], or null when a side has no data; the note says how it was reached. */
export interface SimilarityPart {
  value: number | null;
  note: string;
}

/** Rounds to 4 decimals, so that equal inputs give exactly equal similarities. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;
