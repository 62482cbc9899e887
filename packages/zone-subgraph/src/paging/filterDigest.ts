import { createHash } from 'node:crypto';

/**
 * A short digest of a list filter, equal for filters that select the same rows:
 * unset, null, empty text and empty lists are left out (the page statements
 * skip them) and lists are sorted (they are sets). A cursor carries it so that
 * it is refused under another filter.
 */
export function filterDigest(filter: object | null | undefined): string {
  const entries = Object.entries(filter ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]): [string, unknown] => [name, Array.isArray(value) ? [...(value as unknown[]).map(String)].sort() : value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('base64url').slice(0, 16);
}
