import type { Principal } from '@devzone/auth';
import type { AnswerCacheResult, CacheSize } from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import type { VersionsSeen, ZoneReadCache, ZoneVersionUsed } from '@devzone/shard-router';
import stableStringify from 'fast-json-stable-stringify';
import { LRUCache } from 'lru-cache';
import { principalHeaderOf } from '../datasources/SigningRemoteGraphQLDataSource';
import type { AnswerRecord } from './answerRecord';
import { CanonicalQueries } from './canonicalQueries';

/** The data of a client operation's answer (its `data`), shared by every request it is served to: frozen. */
export type AnswerData = Readonly<Record<string, unknown>>;

/** What the answer cache reports (`AnswerCacheMetrics` on `/metrics`). */
export interface AnswerCacheObserver {
  served(result: AnswerCacheResult): void;
}

/** One operation as its answer depends on it: who asks, what, with which variables. */
export interface AnswerKeyParts {
  readonly principal: Principal;
  readonly operationName: string | undefined;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

/** The status and headers Apollo Server answered a kept answer with, for one way of asking (method and `accept` header). */
export interface AnswerHead {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
}

/** How Apollo Server sent a kept answer to one way of asking, learned from its own answer (`learnHttpAnswer`). */
interface SentAs {
  readonly head: AnswerHead;
  /** The operation's name as resolved from the document (the request duration's label). */
  readonly operationName: string | undefined;
  /** The shard map the operation's checks ran on (the fan-out cost counts its services). */
  readonly checkedOn: object;
}

interface KeptAnswer {
  readonly data: AnswerData;
  /** The HTTP body Apollo Server writes for `{ data }` (`{"data":…}` and a newline), as the UTF-8 bytes every hit sends. */
  readonly body: Buffer;
  readonly versions: readonly ZoneVersionUsed[];
  readonly expiresAt: number;
  /** The shard map its directory list holds on, if it has one. */
  readonly listedOn: object | undefined;
  readonly bytes: number;
  /** By way of asking: the request's method and `accept` header (`AnswerFastPath`). */
  readonly sentAs: Map<string, SentAs>;
}

/**
 * What `httpAnswerOf` found: an answer to send as it is (`hit`), none kept (`miss`), one no
 * longer current, dropped and counted (`stale`), or one kept that Apollo Server has not yet
 * sent to this way of asking on this shard map (`unlearned`: the request goes through Apollo
 * Server, whose own lookup serves it and counts it).
 */
export type HttpAnswerLookup =
  | { readonly kind: 'hit'; readonly head: AnswerHead; readonly body: Buffer; readonly operationName: string | undefined }
  | { readonly kind: 'miss' | 'stale' | 'unlearned' };

export interface AnswerCacheOptions {
  /** Estimated memory the kept answers may take (2 bytes per character of their JSON for the data, the bytes of their body as sent, 2 bytes per character of their key); the least recently used leave first. */
  readonly maxBytes: number;
  /** The gateway's zone-read cache: it asks the zone services for the versions an answer was built from. */
  readonly zoneReads: Pick<ZoneReadCache, 'stillCurrent'>;
  /** Where hits, stale answers and misses are reported, given what the cache holds. */
  readonly observerOf?: (size: () => CacheSize) => AnswerCacheObserver;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Whole answers to client queries, kept per caller, operation and variables, and served again
 * only while every zone they were built from is at the same data version on the same service
 * (asked of the zone services for every hit, batched as the zone-read cache asks) and the
 * province's part of them (directory lookups) has not expired. A hit skips planning, the
 * subgraph fetches and shaping; like the zone-read cache it never serves a figure older than its
 * zone's last write, since the versions are read after the request arrived.
 */
export class AnswerCache {
  private readonly answers: LRUCache<string, KeptAnswer>;
  private readonly zoneReads: Pick<ZoneReadCache, 'stillCurrent'>;
  private readonly observer: AnswerCacheObserver | undefined;
  private readonly now: () => number;
  private readonly queries = new CanonicalQueries();

  constructor({ maxBytes, zoneReads, observerOf, now = Date.now }: AnswerCacheOptions) {
    this.answers = new LRUCache<string, KeptAnswer>({ maxSize: maxBytes, sizeCalculation: (answer, key) => answer.bytes + 2 * key.length });
    this.zoneReads = zoneReads;
    this.observer = observerOf?.(() => this.size);
    this.now = now;
  }

  /** Answers held, and their estimated memory. */
  get size(): CacheSize {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize };
  }

  /**
   * The same for variables written in any key order (input object fields have none in GraphQL);
   * lists keep theirs. The same for two spellings of one query (`CanonicalQueries`).
   */
  keyOf({ principal, operationName, query, variables }: AnswerKeyParts): string {
    return stableStringify([principalHeaderOf(principal), operationName ?? null, this.queries.of(query), variables ?? {}]);
  }

  /** The answer kept under `key`, if its zones are still at its versions on the services `shardMap` names now (and its list, if any, was checked against `shardMap`). */
  async answerOf(key: string, shardMap: ZoneServiceRegistry, seen?: VersionsSeen): Promise<AnswerData | undefined> {
    const kept = this.answers.get(key);
    if (!kept) {
      this.observer?.served('miss');
      return undefined;
    }
    if (!(await this.stillCurrent(key, kept, shardMap, seen))) return undefined;
    this.observer?.served('hit');
    return kept.data;
  }

  /**
   * The answer kept under `key` as Apollo Server sent it to this way of asking (`asked`): its status,
   * headers and body byte for byte, served without Apollo Server once every check of the front
   * door has passed for this request (authentication, rate limit, body checks), since the
   * operation's own checks passed for the same caller, document and variables on the same
   * shard map. Counts a hit or a stale answer as `answerOf` does; a miss and `unlearned` count
   * nothing: the request goes on through Apollo Server, whose `answerOf` counts it once the
   * operation is known to be a query that passed its checks.
   */
  async httpAnswerOf(key: string, asked: string, shardMap: ZoneServiceRegistry, seen?: VersionsSeen): Promise<HttpAnswerLookup> {
    const kept = this.answers.get(key);
    if (!kept) return { kind: 'miss' };
    const sentAs = kept.sentAs.get(asked);
    if (!sentAs || sentAs.checkedOn !== shardMap) return { kind: 'unlearned' };
    if (!(await this.stillCurrent(key, kept, shardMap, seen))) return { kind: 'stale' };
    this.observer?.served('hit');
    return { kind: 'hit', head: sentAs.head, body: kept.body, operationName: sentAs.operationName };
  }

  /**
   * Notes how Apollo Server sent the answer kept under `key` to this way of asking (`asked`), if `body`
   * is exactly the kept answer's: `httpAnswerOf` then serves it so, never anything Apollo Server
   * did not write itself.
   */
  learnHttpAnswer(
    key: string,
    asked: string,
    shardMap: ZoneServiceRegistry,
    sent: { head: AnswerHead; body: string; operationName: string | undefined },
  ): void {
    const kept = this.answers.get(key);
    if (!kept || sent.head.status !== 200 || !kept.body.equals(Buffer.from(sent.body, 'utf8'))) return;
    kept.sentAs.set(asked, { head: sent.head, operationName: sent.operationName, checkedOn: shardMap });
  }

  /**
   * Whether `kept` holds on `shardMap` now; if not, it is dropped and counted stale. The versions
   * read for it go into `seen`, the request's: a stale answer's reads then ask no version again.
   */
  private async stillCurrent(key: string, kept: KeptAnswer, shardMap: ZoneServiceRegistry, seen: VersionsSeen | undefined): Promise<boolean> {
    const current =
      kept.expiresAt > this.now() &&
      (kept.listedOn === undefined || kept.listedOn === shardMap) &&
      (await this.zoneReads.stillCurrent(kept.versions, (zoneId) => shardMap.serviceForZone(zoneId), seen));
    if (!current) {
      if (this.answers.get(key) === kept) this.answers.delete(key);
      this.observer?.served('stale');
    }
    return current;
  }

  /** Counts a miss `answerOf` did not see: the request was answered without Apollo Server's plugin (a prepared read). */
  countMiss(): void {
    this.observer?.served('miss');
  }

  /** Keeps `data` under `key` if `record` says the answer is repeatable; the data is frozen, as every later hit shares it. */
  keep(key: string, data: Record<string, unknown>, record: AnswerRecord): void {
    if (!record.repeatable || record.expiresAt <= this.now()) return;
    const json = JSON.stringify(data);
    // Encoded once: every hit sends these bytes.
    const body = Buffer.from(`{"data":${json}}\n`, 'utf8');
    // The data (estimated from its JSON), then its body as sent.
    const bytes = 2 * json.length + body.length;
    if (bytes > (this.answers.maxSize ?? 0)) return;
    this.answers.set(key, {
      data: deepFrozen(data),
      body,
      versions: record.versions,
      expiresAt: record.expiresAt,
      listedOn: record.listedOn,
      bytes,
      sentAs: new Map(),
    });
  }

  /** Forgets every answer (the supergraph or the zone services changed). */
  clear(): void {
    this.answers.clear();
  }
}

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
