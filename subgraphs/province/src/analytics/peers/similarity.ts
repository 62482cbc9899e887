import { round4, type Cell } from '../cell';
import { industrySimilarity, type ProfileRead } from './industrySimilarity';
import { sizeSimilarity } from './sizeSimilarity';

export interface Similarity {
  /** Mean of the parts that are available; null when neither is. */
  value: number | null;
  industry: number | null;
  size: number | null;
  sharedIndustries: string[];
  /** How each part was reached, or why it is missing. */
  note: string;
}

/**
 * How alike two zones are, in [0, 1]:
 *   industry = cosine similarity of enterprise counts per industry key;
 *   size     = mean over enterprise.count and party_org.count (those both have) of
 *              max(0, 1 − |ln(a/b)| / ln 10);
 *   overall  = mean of the parts that are available (null when none is).
 */
export function zoneSimilarity(
  learner: { profile: ProfileRead; cells: Readonly<Record<string, Cell>> },
  peer: { profile: ProfileRead; cells: Readonly<Record<string, Cell>> },
): Similarity {
  const industry = industrySimilarity(learner.profile, peer.profile);
  const size = sizeSimilarity(learner.cells, peer.cells);
  const parts = [industry.value, size.value].filter((v): v is number => v !== null);
  return {
    value: parts.length === 0 ? null : round4(parts.reduce((sum, v) => sum + v, 0) / parts.length),
    industry: industry.value,
    size: size.value,
    sharedIndustries: industry.sharedIndustries,
    note: `${industry.note}. ${size.note}`,
  };
}
