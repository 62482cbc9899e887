import { presentValue, round4, type Cell } from '../cell';
import type { SimilarityPart } from './similarityPart';

/** The figures size is compared on. */
export const SIZE_CODES = ['enterprise.count', 'party_org.count'] as const;

/**
 * Similarity of two sizes a and b: 1 − |ln(a/b)| / ln(10), clipped to [0, 1].
 * Equal sizes give 1; a factor of 10 or more apart gives 0. Equal values
 * (including 0 and 0) give 1; 0 against a positive value gives 0.
 */
export function ratioSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  if (a <= 0 || b <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - Math.abs(Math.log(a / b)) / Math.LN10));
}

/**
 * Size similarity: the mean of `ratioSimilarity` over the size figures
 * (SIZE_CODES) both zones have; null when they share none. Figures are the
 * cells the analysis chose under its value source and period.
 */
export function sizeSimilarity(learner: Readonly<Record<string, Cell>>, peer: Readonly<Record<string, Cell>>): SimilarityPart {
  const used: string[] = [];
  const lacking: string[] = [];
  const values: number[] = [];
  for (const code of SIZE_CODES) {
    const a = presentValue(learner[code]);
    const b = presentValue(peer[code]);
    if (a === null || b === null) {
      lacking.push(`${code} (${[a === null ? 'learner' : null, b === null ? 'peer' : null].filter(Boolean).join(' and ')} has none)`);
      continue;
    }
    const s = round4(ratioSimilarity(a, b));
    values.push(s);
    used.push(`${code} ${a} vs ${b} → ${s}`);
  }
  if (values.length === 0) return { value: null, note: `size: no size figure on both sides: ${lacking.join(', ')}` };
  const value = round4(values.reduce((sum, v) => sum + v, 0) / values.length);
  return { value, note: `size: ${used.join('; ')}${lacking.length > 0 ? `; not compared: ${lacking.join(', ')}` : ''}` };
}
