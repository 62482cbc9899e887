import { checkDisplayText } from './displayText';

describe('checkDisplayText', () => {
  it('answers the text trimmed', () => {
    expect(checkDisplayText('  安徽 key  ', 'input.label', 200)).toBe('安徽 key');
  });

  it('refuses an empty or too long text, naming the field', () => {
    for (const text of ['   ', 'x'.repeat(11)]) {
      expect(() => checkDisplayText(text, 'input.label', 10)).toThrow(
        expect.objectContaining({ message: 'input.label: 1 to 10 characters', extensions: { code: 'BAD_USER_INPUT', field: 'input.label' } }),
      );
    }
  });

  it('refuses control and bidi characters, pinpointing them only when asked', () => {
    expect(() => checkDisplayText('ab\u202Ecd', 'input.label', 200)).toThrow(
      expect.objectContaining({ message: 'input.label: control and bidirectional-override characters are not allowed' }),
    );
    expect(() => checkDisplayText('ab\u202Ecd', 'title', 200, { pinpoint: true })).toThrow(
      expect.objectContaining({ message: 'title: control and bidirectional-override characters are not allowed (U+202E at 2)' }),
    );
  });
});
