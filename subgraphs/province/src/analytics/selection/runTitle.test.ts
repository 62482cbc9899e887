import { checkRunTitle } from './runTitle';

describe('a saved run title', () => {
  it('is stored trimmed', () => {
    expect(checkRunTitle('  2020 现场会 host  ')).toBe('2020 现场会 host');
  });

  it.each([
    ['U+202E (right-to-left override)', 'run\u202Egnp.exe', 'U+202E'],
    ['U+202A (left-to-right embedding)', '\u202Arun', 'U+202A'],
    ['U+2066 (left-to-right isolate)', 'a\u2066b', 'U+2066'],
    ['U+2069 (pop directional isolate)', 'a\u2069b', 'U+2069'],
    ['U+200F (right-to-left mark)', 'a\u200Fb', 'U+200F'],
    ['a NUL byte', 'a\u0000b', 'U+0000'],
    ['a newline inside', 'first\nsecond', 'U+000A'],
    ['an escape (C0)', 'a\u001B[31mred', 'U+001B'],
    ['DEL', 'a\u007Fb', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['U+009F (last C1)', 'a\u009Fb', 'U+009F'],
  ])('refuses %s, naming title and the character', (_label, title, codePoint) => {
    expect(() => checkRunTitle(title)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'title' } }));
    expect(() => checkRunTitle(title)).toThrow(codePoint);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 200 characters', 'x'.repeat(201)],
  ])('refuses a title that is %s', (_label, title) => {
    expect(() => checkRunTitle(title)).toThrow(
      expect.objectContaining({ message: 'title: 1 to 200 characters', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }),
    );
  });

  it('keeps other characters: CJK, emoji, zero-width joiner in an emoji, punctuation', () => {
    expect(checkRunTitle('安徽 🏭 (2024) — top‑3 👩‍💼')).toBe('安徽 🏭 (2024) — top‑3 👩‍💼');
  });
});
