import type { CodeOutcome } from './keptFigures';
import { isOlderVersion } from './zoneVersionMemo';

/** A zone's outcomes at one data version. */
interface ZoneOutcomes {
  readonly dataVersion: string;
  readonly outcomes: Map<string, CodeOutcome>;
}

/**
 * The outcomes a zone service has read or computed, in memory, per zone and code at the zone's
 * latest data version seen. An outcome at a version never changes (the version moves with every
 * write its records see), so a hit is exactly what `computed_figure` holds for that version: no
 * invalidation, only a bound. A later version replaces the zone's outcomes (an earlier one is never
 * asked again once a later one is read); an outcome at an earlier version than the one held is not
 * kept. Saves reading and parsing kept figures on every request (most of a warm read's cost in
 * node). Once `capacity` outcomes are held, the zones kept longest give up theirs first.
 */
export class OutcomeMemo {
  private readonly zones = new Map<string, ZoneOutcomes>();
  private count = 0;

  constructor(readonly capacity = 50_000) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`OutcomeMemo capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  /** Outcomes held, over all zones. */
  get size(): number {
    return this.count;
  }

  get(zoneId: string, code: string, dataVersion: string): CodeOutcome | undefined {
    const zone = this.zones.get(zoneId);
    return zone?.dataVersion === dataVersion ? zone.outcomes.get(code) : undefined;
  }

  set(zoneId: string, code: string, dataVersion: string, outcome: CodeOutcome): void {
    if (this.capacity === 0) return;
    let zone = this.zones.get(zoneId);
    if (zone && zone.dataVersion !== dataVersion) {
      if (isOlderVersion(dataVersion, zone.dataVersion)) return;
      this.forget(zoneId, zone);
      zone = undefined;
    }
    if (!zone) {
      zone = { dataVersion, outcomes: new Map() };
      this.zones.set(zoneId, zone);
    }
    if (!zone.outcomes.has(code)) this.count += 1;
    zone.outcomes.set(code, outcome);
    while (this.count > this.capacity) this.forgetOldest();
  }

  private forget(zoneId: string, zone: ZoneOutcomes): void {
    this.zones.delete(zoneId);
    this.count -= zone.outcomes.size;
  }

  /** The first outcome of the zone kept longest (the zone goes with its last outcome). */
  private forgetOldest(): void {
    const oldest = this.zones.entries().next();
    if (oldest.done) return;
    const [zoneId, zone] = oldest.value;
    const code = zone.outcomes.keys().next();
    if (!code.done) {
      zone.outcomes.delete(code.value);
      this.count -= 1;
    }
    if (zone.outcomes.size === 0) this.zones.delete(zoneId);
  }
}
