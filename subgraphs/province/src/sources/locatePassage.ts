/** A passage found in a document's text, with the text around it. */
export interface LocatedPassage {
  /** Offset of the passage's first character in the document text. */
  offset: number;
  before: string;
  /** The passage as the document has it (line breaks inside it removed). */
  passage: string;
  after: string;
}

const isWhitespace = (char: string) => /\s/u.test(char);

/**
 * Newspaper text wraps lines mid-sentence: a line break between two Chinese
 * characters is dropped, other whitespace runs become one space.
 */
export function unwrapLines(text: string): string {
  return text.replace(/\s+/gu, (run, at: number, whole: string) => {
    const left = whole[at - 1] ?? '';
    const right = whole[at + run.length] ?? '';
    const wide = (char: string) => char !== '' && char.charCodeAt(0) > 0x2e7f;
    if (run.includes('\n') && (wide(left) || wide(right))) return '';
    return left === '' || right === '' ? '' : ' ';
  });
}

/**
 * Finds `passage` in `text` ignoring whitespace on both sides (how seed passages
 * are quoted), and returns up to `context` characters on either side. Null when
 * the passage does not occur.
 */
export function locatePassage(text: string, passage: string, context: number): LocatedPassage | null {
  const positions: number[] = [];
  let stripped = '';
  for (let i = 0; i < text.length; i++) {
    if (isWhitespace(text[i]!)) continue;
    positions.push(i);
    stripped += text[i];
  }
  const needle = passage.replace(/\s+/gu, '');
  if (needle === '') return null;
  const at = stripped.indexOf(needle);
  if (at < 0) return null;
  const start = positions[at]!;
  const end = positions[at + needle.length - 1]! + 1;
  return {
    offset: start,
    before: unwrapLines(text.slice(Math.max(0, start - context), start)).trimStart(),
    passage: unwrapLines(text.slice(start, end)),
    after: unwrapLines(text.slice(end, end + context)).trimEnd(),
  };
}
