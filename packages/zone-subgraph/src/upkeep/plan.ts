import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Change } from './changes';
import type { FieldProblem } from './problems';

/** What one row (one mutation, one line of an import) did to its record. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** One row of a batch: the whole record to hold, or the key of a record to delete. */
export type Operation<R, K> = { readonly op: 'upsert'; readonly record: R } | { readonly op: 'delete'; readonly key: K };

export interface PlannedRow {
  readonly outcome: Outcome;
  readonly naturalKey: string;
  /** The record's global id (`zone:local`); a report's number once stored; null when nothing was there to delete. */
  readonly recordId: string | null;
  /** The row's own change first or last as writing needs it, with the changes it causes to other records (links removed). */
  readonly changes: readonly Change[];
}

export type RowPlan = { readonly ok: true; readonly row: PlannedRow } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** What every planner of a batch knows: the zone, who changes it and when (one instant per batch). */
export interface PlanContext {
  readonly manager: EntityManager;
  readonly zoneId: string;
  readonly actor: string;
  readonly now: Date;
}

/**
 * Plans one kind of record for a batch: `prefetch` loads, in a few statements,
 * every record the batch's rows can touch or name; `plan` then decides each row
 * in memory, in order, updating what it holds so that later rows see earlier ones.
 */
export interface KindPlanner<R, K> {
  /** The row's natural key as written: two rows of one batch with the same key are refused. */
  keyOf(operation: Operation<R, K>): string;
  prefetch(operations: readonly Operation<R, K>[]): Promise<void>;
  plan(operation: Operation<R, K>): RowPlan;
}

export const refuse = (...problems: FieldProblem[]): RowPlan => ({ ok: false, problems });
export const planned = (row: PlannedRow): RowPlan => ({ ok: true, row });

/** A short, stable local id derived from a natural key: the same batch gets the same ids in its dry run and its real run. */
export function derivedLocalId(prefix: string, naturalKey: string): string {
  return `${prefix}-${createHash('sha256').update(naturalKey).digest('hex').slice(0, 12)}`;
}

/** The first of `base`, `base-2`, `base-3` … that `taken` does not hold. */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** Ids derived from `base` that may already be stored: the base and its numbered variants. */
export const idLikePattern = (base: string) => `${base}-%`;

export const quoted = (names: readonly string[], max = 5) =>
  names
    .slice(0, max)
    .map((n) => `"${n}"`)
    .join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
