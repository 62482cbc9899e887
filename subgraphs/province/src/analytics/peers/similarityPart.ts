/** One part of a similarity: a value in [0, 1], or null when a side has no data; the note says how it was reached. */
export interface SimilarityPart {
  value: number | null;
  note: string;
}
