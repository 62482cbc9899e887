/**
 * What an answer to a client must never hold: internals (stack frames, SQL and
 * the database's own messages, addresses, file paths, the services' URLs) and
 * anything out of the caller's scope.
 */
const INTERNALS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]+ \(|\bat (?:\/|file:|node:)|"stacktrace"/],
  ['SQL', /\bSELECT\b|\bINSERT INTO\b|relation "|syntax error at or near|invalid byte sequence|QueryFailedError|duplicate key value/],
  ['a database driver message', /ECONNREFUSED|ECONNRESET|\bpg_|postgres(?:ql)?:\/\//i],
  ['a host:port pair', /\b(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d{2,5}\b/i],
  ['a file path', /\/work\/|node_modules|\.ts:\d|\.js:\d/],
];

export interface LeakContext {
  /** The services' internal URLs (zone services, province). */
  readonly serviceUrls: readonly string[];
  /** Out-of-scope zone ids and names for this caller. */
  readonly hidden: readonly string[];
}

/** Every leak found in an answer's whole body, named; empty when it is clean. */
export function leaksIn(body: string, { serviceUrls, hidden }: LeakContext): string[] {
  const found = INTERNALS.filter(([, pattern]) => pattern.test(body)).map(([label, pattern]) => `${label}: ${body.match(pattern)?.[0]}`);
  for (const url of serviceUrls) if (body.includes(url) || body.includes(new URL(url).host)) found.push(`a service URL: ${url}`);
  for (const name of hidden) if (body.includes(name)) found.push(`an out-of-scope zone: ${name}`);
  return found;
}
