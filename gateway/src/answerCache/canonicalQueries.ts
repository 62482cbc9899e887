import { parse, print } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Longer texts are keyed as they are: printing them costs more than a second entry would. */
const MAX_CANONICAL_LENGTH = 16 * 1024;
/** A text of more tokens is keyed as it is: a bound of its own, though the front door refuses more than GATEWAY_MAX_TOKENS (2,000 by default) before. */
const MAX_TOKENS = 10_000;

export interface CanonicalQueriesOptions {
  /** @default 1000 */
  readonly maxEntries?: number;
  /** Estimated memory the remembered texts may take (2 bytes per character of both). @default 8 MiB */
  readonly maxBytes?: number;
}

/**
 * Query texts as the answer cache keys them: the query printed from its document, so that two
 * spellings of one query (other whitespace, commas, comments) share one kept answer. Names,
 * aliases, arguments, directives and the order of fields stay as written: they change the answer.
 * A text that does not parse (Apollo Server refuses it), or is longer than 16 KiB, is its own key.
 * Each text is printed once, while it is among the most recently asked.
 */
export class CanonicalQueries {
  private readonly printed: LRUCache<string, string>;

  constructor({ maxEntries = 1000, maxBytes = 8 * 1024 * 1024 }: CanonicalQueriesOptions = {}) {
    this.printed = new LRUCache({ max: maxEntries, maxSize: maxBytes, sizeCalculation: (canonical, text) => 2 * (canonical.length + text.length) });
  }

  of(query: string): string {
    if (query.length > MAX_CANONICAL_LENGTH) return query;
    let canonical = this.printed.get(query);
    if (canonical === undefined) {
      canonical = printedOrAsIs(query);
      this.printed.set(query, canonical);
    }
    return canonical;
  }
}

function printedOrAsIs(query: string): string {
  try {
    return print(parse(query, { noLocation: true, maxTokens: MAX_TOKENS }));
  } catch {
    return query;
  }
}
