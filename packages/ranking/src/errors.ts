/**
 * Errors raised by the ranking library. Every input error names the offending
 * field with a path such as `candidates[2].values.partyCoverage`.
 */

/** Bad input: `field` is the path of the offending value. */
export class RankingInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'RankingInputError';
    this.field = field;
  }
}

/**
 * An AHP pairwise-comparison matrix whose consistency ratio exceeds the
 * threshold (Saaty's 0.1 by default). The message contains the CR value.
 */
export class AhpInconsistencyError extends Error {
  readonly cr: number;
  readonly ci: number;
  readonly lambdaMax: number;
  readonly threshold: number;

  constructor(cr: number, ci: number, lambdaMax: number, n: number, threshold: number) {
    super(
      `AHP pairwise-comparison matrix is too inconsistent: CR = ${cr.toFixed(3)} > ${threshold} ` +
        `(n = ${n}, lambdaMax = ${lambdaMax.toFixed(3)}, CI = ${ci.toFixed(3)}); revise the judgements`,
    );
    this.name = 'AhpInconsistencyError';
    this.cr = cr;
    this.ci = ci;
    this.lambdaMax = lambdaMax;
    this.threshold = threshold;
  }
}
