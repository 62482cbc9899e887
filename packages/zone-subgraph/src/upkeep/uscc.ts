/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters
 * from a 31-character alphabet (digits and capitals without I, O, Z, S, V),
 * characters 3-8 the administrative division code, the 18th a check character
 * over the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const USCC_LENGTH = 18;

/** The check character of a 17-character body; throws on a character outside the alphabet. */
export function usccCheckCharacter(body: string): string {
  if (body.length !== WEIGHTS.length) throw new Error(`a credit code body has ${WEIGHTS.length} characters (got ${body.length})`);
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = USCC_ALPHABET.indexOf(body[i]);
    if (value < 0) throw new Error(`"${body[i]}" is not a credit-code character`);
    sum += value * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Trimmed and upper-cased: how a code is compared and stored. */
export function normalizeUscc(input: string): string {
  return input.trim().toUpperCase();
}

/** What is wrong with a (normalized) code, in words a person can act on; null when it is valid. */
export function usccProblem(code: string): string | null {
  if (code.length !== USCC_LENGTH) return `must be ${USCC_LENGTH} characters (got ${code.length})`;
  for (let i = 0; i < code.length; i++) {
    if (!USCC_ALPHABET.includes(code[i])) {
      return `character ${i + 1} (${JSON.stringify(code[i])}) is not allowed: a credit code uses 0-9 and A-Z without I, O, S, V, Z`;
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3-8 must be digits (the administrative division code)';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `wrong check character: ends in "${code[17]}", the first 17 characters give "${expected}" (GB 32100-2015)`;
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
