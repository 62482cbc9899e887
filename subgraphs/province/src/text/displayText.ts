import { ERRORS } from '@devzone/errors';

/**
 * C0 and C1 controls (\p{Cc}), the bidirectional marks and the embedding,
 * override and isolate characters: a text holding them can display as
 * something else than it is (U+202E reverses what follows).
 */
const CONTROL_OR_BIDI = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export interface DisplayTextOptions {
  /** Name the refused character and where it is, as `(U+202E at 3)`. */
  readonly pinpoint?: boolean;
}

/**
 * A text shown to people (a title, a label), trimmed: 1 to `max` characters and
 * no control or bidirectional-override character, else BAD_USER_INPUT naming `field`.
 */
export function checkDisplayText(text: string, field: string, max: number, options: DisplayTextOptions = {}): string {
  const refuse = (message: string) => ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw refuse(`1 to ${max} characters`);
  const bad = CONTROL_OR_BIDI.exec(trimmed);
  if (bad) {
    const where = options.pinpoint ? ` (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index})` : '';
    throw refuse(`control and bidirectional-override characters are not allowed${where}`);
  }
  return trimmed;
}
