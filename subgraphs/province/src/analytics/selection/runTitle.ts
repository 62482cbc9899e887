import { ERRORS } from '@devzone/errors';

/**
 * C0 and C1 controls (\p{Cc}), the bidirectional marks and the embedding,
 * override and isolate characters: a title holding them can display as
 * something else than it is (U+202E reverses what follows).
 */
const CONTROL_OR_BIDI = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const RUN_TITLE_MAX = 200;

/** The title a run is stored under (trimmed), or BAD_USER_INPUT naming `title`. */
export function checkRunTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > RUN_TITLE_MAX) throw ERRORS.BAD_USER_INPUT.err(`title: 1 to ${RUN_TITLE_MAX} characters`, { field: 'title' });
  const bad = CONTROL_OR_BIDI.exec(trimmed);
  if (bad) {
    const codePoint = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw ERRORS.BAD_USER_INPUT.err(`title: control and bidirectional-override characters are not allowed (${codePoint} at ${bad.index})`, { field: 'title' });
  }
  return trimmed;
}
