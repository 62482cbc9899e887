import type { DataSource } from 'typeorm';
import { writeChanges, type Change } from './changes';
import type { KindPlanner, Operation, PlanContext, PlannedRow } from './plan';
import type { FieldProblem } from './problems';

/** A validated row of a batch, with where it came from (a line, an index, 0 for a mutation's input). */
export interface BatchRow<R, K> {
  readonly at: number;
  readonly operation: Operation<R, K>;
}

export interface RowProblems {
  readonly at: number;
  readonly problems: readonly FieldProblem[];
}

export interface BatchOptions<R, K> {
  readonly zoneId: string;
  /** Who changes the zone: the principal's subject, or `seed:<file>`. */
  readonly actor: string;
  /** Audits the batch's changes under this id (imports); null for a single mutation. */
  readonly importId: string | null;
  /** Plan and report only: nothing is written. */
  readonly dryRun: boolean;
  readonly planner: (ctx: PlanContext) => KindPlanner<R, K>;
  /** The field a duplicate row is reported on. */
  readonly keyField: (operation: Operation<R, K>) => string;
  /** Rows in the order they must be planned (an organization after its parent), with problems of the order itself. */
  readonly order?: (rows: readonly BatchRow<R, K>[]) => { rows: BatchRow<R, K>[]; problems: RowProblems[] };
  /** How a problem names another row: `line 3` (CSV), `index 2` (JSON). @default `row <at>` */
  readonly describeAt?: (at: number) => string;
  /** Rows already refused by the caller (their values did not validate): the batch is still planned, to report every problem, but not written. */
  readonly refusedRows?: number;
}

export interface BatchResult {
  /** Planned rows by `at`. */
  readonly rows: ReadonlyMap<number, PlannedRow>;
  /** Every problem the batch found (duplicates, order, planning), in row order; the caller's own are not repeated. */
  readonly problems: readonly RowProblems[];
  /** True when the changes were written (no problem, not a dry run). */
  readonly applied: boolean;
}

/** Upkeep of one zone is serialized: two imports never plan against the same state at once. */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('devzone zone upkeep'), hashtext($1))`;

/**
 * Plans a batch of one kind for one zone in one transaction, under the zone's
 * upkeep lock, and writes it, with its audit, only when every row is good and
 * it is not a dry run: all or nothing. A dry run plans exactly as the real run
 * does, so it reports the same outcomes and the same problems.
 */
export async function runBatch<R, K>(dataSource: DataSource, rows: readonly BatchRow<R, K>[], options: BatchOptions<R, K>): Promise<BatchResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query(LOCK_SQL, [options.zoneId]);
    const ctx: PlanContext = { manager, zoneId: options.zoneId, actor: options.actor, now: new Date() };
    const planner = options.planner(ctx);
    const problems = new Map<number, FieldProblem[]>();
    const addProblems = (at: number, found: readonly FieldProblem[]) => problems.set(at, [...(problems.get(at) ?? []), ...found]);

    const firstAt = new Map<string, number>();
    const unique: BatchRow<R, K>[] = [];
    for (const row of rows) {
      const key = planner.keyOf(row.operation);
      const earlier = firstAt.get(key);
      if (earlier !== undefined)
        addProblems(row.at, [
          { field: options.keyField(row.operation), message: `the same record (${key}) as ${(options.describeAt ?? ((at) => `row ${at}`))(earlier)}` },
        ]);
      else {
        firstAt.set(key, row.at);
        unique.push(row);
      }
    }
    const ordered = options.order ? options.order(unique) : { rows: unique, problems: [] };
    for (const refused of ordered.problems) addProblems(refused.at, refused.problems);

    await planner.prefetch(ordered.rows.map((r) => r.operation));
    const plannedRows = new Map<number, PlannedRow>();
    const changes: Change[] = [];
    for (const row of ordered.rows) {
      const plan = planner.plan(row.operation);
      if (!plan.ok) addProblems(row.at, plan.problems);
      else {
        plannedRows.set(row.at, plan.row);
        changes.push(...plan.row.changes);
      }
    }
    const allProblems = [...problems].sort(([a], [b]) => a - b).map(([at, found]) => ({ at, problems: found }));
    const applied = allProblems.length === 0 && (options.refusedRows ?? 0) === 0 && !options.dryRun;
    if (applied && changes.length > 0) await writeChanges(manager, changes, { actor: options.actor, zoneId: options.zoneId, importId: options.importId });
    return { rows: plannedRows, problems: allProblems, applied };
  });
}
