import type { GraphQLDataSource } from '@apollo/gateway';
import type { ZoneVersionUsed } from '@devzone/shard-router';
import type { DataSourceResponse } from '../datasources/types';

/**
 * What one request's answer was built from, as its subgraph fetches vouch for it: each zone's
 * data version (a zone read through the zone-read cache) and how long the province's part holds
 * (a key-only directory lookup or list). An answer is repeatable, and the answer cache may keep it, only
 * when every fetch the request sent was vouched for: any other fetch (a province query, a zone
 * read without versions, a failure) leaves it unrepeatable.
 */
export class AnswerRecord {
  private fetches = 0;
  private vouched = 0;
  private refused = false;
  private readonly zoneVersions = new Map<string, ZoneVersionUsed>();
  private earliestExpiry = Number.POSITIVE_INFINITY;
  private listShardMap: object | undefined;

  /** A subgraph fetch of the request started (counted by `recordedFetches`). */
  fetchStarted(): void {
    this.fetches += 1;
  }

  /** A zone read served at these versions. The same zone at two versions in one answer: not repeatable. */
  vouchZoneRead(versions: readonly ZoneVersionUsed[]): void {
    this.vouched += 1;
    for (const used of versions) {
      const earlier = this.zoneVersions.get(used.zoneId);
      if (earlier && earlier.version !== used.version) this.refused = true;
      this.zoneVersions.set(used.zoneId, used);
    }
  }

  /** A directory lookup whose answer holds until `expiresAt` (ms since the epoch). */
  vouchDirectoryLookup(expiresAt: number): void {
    this.vouched += 1;
    this.earliestExpiry = Math.min(this.earliestExpiry, expiresAt);
  }

  /**
   * A directory list that holds until `expiresAt` and only on `shardMap`, the shard map it was
   * checked against: a zone registered since is in no version the answer keeps.
   */
  vouchDirectoryList(expiresAt: number, shardMap: object): void {
    this.vouchDirectoryLookup(expiresAt);
    if (this.listShardMap !== undefined && this.listShardMap !== shardMap) this.refused = true;
    this.listShardMap = shardMap;
  }

  /** Whether the answer may be served again while its zones keep their versions: at least one fetch, each vouched for. */
  get repeatable(): boolean {
    return this.fetches > 0 && this.vouched === this.fetches && !this.refused;
  }

  /** Makes the answer unrepeatable whatever its fetches vouch (its fetches cannot be told from another operation's). */
  refuse(): void {
    this.refused = true;
  }

  get versions(): readonly ZoneVersionUsed[] {
    return [...this.zoneVersions.values()];
  }

  /** The shard map the answer's directory list holds on; undefined without a list. */
  get listedOn(): object | undefined {
    return this.listShardMap;
  }

  /** When the province's part of the answer stops holding; infinite without directory lookups. */
  get expiresAt(): number {
    return this.earliestExpiry;
  }
}

/** Records by request context: data sources see the context, not the request. */
const records = new WeakMap<object, AnswerRecord>();

/**
 * Starts recording what the request of `context` is answered from. Two operations sharing one
 * context (a batch, were batching turned on) would count each other's fetches: neither is kept.
 */
export function startAnswerRecord(context: object): AnswerRecord {
  const record = new AnswerRecord();
  const earlier = records.get(context);
  if (earlier) {
    earlier.refuse();
    record.refuse();
  }
  records.set(context, record);
  return record;
}

/** The record of a request being recorded, if any (a data source's `options.context`). */
export function answerRecordOf(context: unknown): AnswerRecord | undefined {
  return typeof context === 'object' && context !== null ? records.get(context) : undefined;
}

/** A subgraph's data source whose every fetch counts in its request's record (outermost: each fetch a plan sends, counted once). */
export function recordedFetches(dataSource: GraphQLDataSource): GraphQLDataSource {
  return {
    process: (options): Promise<DataSourceResponse> => {
      answerRecordOf(options.context)?.fetchStarted();
      return dataSource.process(options);
    },
  };
}
