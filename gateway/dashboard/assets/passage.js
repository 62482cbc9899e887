// Finds a quoted passage in its article the way the API does: whitespace ignored, since the
// articles wrap lines mid-sentence.

/** { start, end } of `passage` in `text` (end exclusive), or null when it does not occur. */
export function locatePassage(text, passage) {
  if (!text || !passage) return null;
  const positions = [];
  let compact = '';
  for (let index = 0; index < text.length; index += 1) {
    if (/\s/.test(text[index])) continue;
    positions.push(index);
    compact += text[index];
  }
  const wanted = passage.replace(/\s+/g, '');
  if (wanted === '') return null;
  const found = compact.indexOf(wanted);
  if (found < 0) return null;
  return { start: positions[found], end: positions[found + wanted.length - 1] + 1 };
}

/** The passage with up to `context` characters either side (line wraps undone), or null. */
export function passageInContext(text, passage, context = 120) {
  const located = locatePassage(text, passage);
  if (!located) return null;
  const flat = (part) => part.replace(/\s*\n\s*/g, '');
  return {
    before: flat(text.slice(Math.max(0, located.start - context), located.start)),
    passage: text.slice(located.start, located.end),
    after: flat(text.slice(located.end, located.end + context)),
  };
}
