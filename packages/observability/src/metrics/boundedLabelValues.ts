/** The label value every value past the limit is counted under (the OpenTelemetry conventions' spelling). */
export const OTHER_LABEL_VALUE = '_OTHER';

/**
 * Label values a caller chooses (operation names): the first `limit` distinct ones
 * are kept as they are, later new ones are counted as `_OTHER`, so that no caller can
 * grow the number of series, and the memory of every scraper, without bound.
 */
export class BoundedLabelValues {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  valueOf(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return OTHER_LABEL_VALUE;
    this.seen.add(value);
    return value;
  }
}
