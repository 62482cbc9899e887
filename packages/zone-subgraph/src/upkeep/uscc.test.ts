import fc from 'fast-check';
import { isValidUscc, normalizeUscc, USCC_ALPHABET, usccCheckCharacter, usccProblem } from './uscc';

/** A code in real format: its check character computed from the body, as an issuing authority does. */
const withCheck = (body: string) => body + usccCheckCharacter(body);

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character is computed from their 17-character body', () => {
    for (const body of ['91330784MA2EC5XY1', '93330784MA2HKR0Q9', '52330784MJ8954178', '12330784471792612', '91341100MA2N0BUK3']) {
      expect(usccProblem(withCheck(body))).toBeNull();
    }
  });

  it('agrees with codes published on business licences', () => {
    // The standard's own example and licences printed in public filings.
    for (const code of ['91350100M000100Y43', '91110000802100433B', '9144030071526726XG', '91310000MA1FL1MMXL']) expect(isValidUscc(code)).toBe(true);
  });

  it('maps a body sum that is a multiple of 31 to check character 0, not 31', () => {
    // Weights 1 and 3 on "1" and "A"(10): 1 + 30 = 31.
    expect(usccCheckCharacter('1A000000000000000')).toBe('0');
  });

  it('refuses a code of the wrong length, saying how long it is', () => {
    expect(usccProblem('91330784MA2EC5XY')).toBe('must be 18 characters (got 16)');
    expect(usccProblem(withCheck('91330784MA2EC5XY1') + '0')).toBe('must be 18 characters (got 19)');
    expect(usccProblem('')).toBe('must be 18 characters (got 0)');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s, naming its position', (letter) => {
    const code = withCheck('91330784MA2EC5XY1');
    const bad = code.slice(0, 10) + letter + code.slice(11);
    expect(usccProblem(bad)).toBe(`character 11 ("${letter}") is not allowed: a credit code uses 0-9 and A-Z without I, O, S, V, Z`);
  });

  it('refuses lower case and other characters until normalized', () => {
    const code = withCheck('91330784MA2EC5XY1');
    expect(usccProblem(code.toLowerCase())).toMatch(/^character 9 \("m"\) is not allowed/);
    expect(usccProblem(normalizeUscc(` ${code.toLowerCase()} `))).toBeNull();
    expect(usccProblem(code.slice(0, 17) + '-')).toMatch(/^character 18 \("-"\) is not allowed/);
  });

  it('refuses letters in the administrative division code', () => {
    expect(usccProblem(withCheck('9133A784MA2EC5XY1'))).toBe('characters 3-8 must be digits (the administrative division code)');
  });

  it('refuses a wrong check character, giving the right one', () => {
    const body = '91330784MA2EC5XY1';
    const right = usccCheckCharacter(body);
    const wrong = right === '0' ? '1' : '0';
    expect(usccProblem(body + wrong)).toBe(`wrong check character: ends in "${wrong}", the first 17 characters give "${right}" (GB 32100-2015)`);
  });

  describe('properties', () => {
    const char = fc.constantFrom(...USCC_ALPHABET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const body = fc
      .tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 }))
      .map(([head, division, organization]) => [...head, ...division, ...organization].join(''));

    it('every body completed with its check character is valid', () => {
      fc.assert(fc.property(body, (b) => isValidUscc(withCheck(b))));
    });

    it('any other last character is refused', () => {
      fc.assert(
        fc.property(body, char, (b, last) => {
          fc.pre(last !== usccCheckCharacter(b));
          return usccProblem(b + last)?.startsWith('wrong check character') === true;
        }),
      );
    });

    it('changing one character of the body is caught (the weights are invertible mod 31)', () => {
      fc.assert(
        fc.property(body, fc.integer({ min: 0, max: 16 }), char, (b, position, replacement) => {
          fc.pre(b[position] !== replacement && (position < 2 || position > 7 || /\d/.test(replacement)));
          const code = withCheck(b);
          return !isValidUscc(code.slice(0, position) + replacement + code.slice(position + 1));
        }),
      );
    });
  });
});
