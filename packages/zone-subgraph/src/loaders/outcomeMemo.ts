import type { CodeOutcome } from './keptFigures';

/**
 * The outcomes a zone service has read or computed, in memory, per zone, code and data version.
 * An outcome at a version never changes (the version moves with every write its records see), so
 * a hit is exactly what `computed_figure` holds for that version: no invalidation, only a bound.
 * Saves reading and parsing kept figures on every request (most of a warm read's cost in node).
 * The oldest entries leave first once `capacity` is reached.
 */
export class OutcomeMemo {
  private readonly outcomes = new Map<string, CodeOutcome>();

  constructor(readonly capacity = 50_000) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`OutcomeMemo capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  get size(): number {
    return this.outcomes.size;
  }

  get(zoneId: string, code: string, dataVersion: string): CodeOutcome | undefined {
    return this.outcomes.get(keyOf(zoneId, code, dataVersion));
  }

  set(zoneId: string, code: string, dataVersion: string, outcome: CodeOutcome): void {
    if (this.capacity === 0) return;
    const key = keyOf(zoneId, code, dataVersion);
    if (!this.outcomes.has(key) && this.outcomes.size >= this.capacity) {
      const oldest = this.outcomes.keys().next();
      if (!oldest.done) this.outcomes.delete(oldest.value);
    }
    this.outcomes.set(key, outcome);
  }
}

// NUL never occurs in ids or codes (the subgraph guard refuses it in every argument).
const keyOf = (zoneId: string, code: string, dataVersion: string) => `${zoneId}\u0000${code}\u0000${dataVersion}`;
