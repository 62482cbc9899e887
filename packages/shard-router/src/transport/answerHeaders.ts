/** Response headers by lower-case name; a repeated header's values joined with ", " (`set-cookie` is never read here). */
export type AnswerHeaders = Readonly<Record<string, string>>;

/** undici's raw headers (`[name, value, name, value, ...]` as buffers) as `AnswerHeaders`. */
export function parseRawHeaders(raw: readonly Buffer[]): AnswerHeaders {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  return headers;
}
