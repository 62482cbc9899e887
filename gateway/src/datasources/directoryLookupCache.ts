import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DirectoryLookupCacheMetrics } from '@devzone/observability';
import { Kind, parse, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { answerRecordOf } from '../answerCache/answerRecord';
import type { GatewayContext } from '../context';
import { ObjectIds } from './objectIds';
import { principalHeaderOf } from './SigningRemoteGraphQLDataSource';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from './types';

/**
 * Province root fields that look zones up by id: `zone(id:)`, and `zones` only with `ids`. A
 * list without ids is not a lookup: right after a registration the province may not have
 * written the new zone's entry yet, and a list missing it carries no error to tell.
 */
const LOOKUP_FIELDS: Readonly<Record<string, string>> = { zone: 'id', zones: 'ids' };
/** The only fields a key-only lookup selects: what the query planner asks before it fetches the zone's own fields. */
const KEY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id']);

export interface DirectoryLookupCacheOptions {
  /** How long an answer is served, at most (GATEWAY_DIRECTORY_CACHE_TTL_MS). */
  readonly ttlMs: number;
  /** @default 10000 */
  readonly maxEntries?: number;
  readonly metrics?: (entries: () => number) => DirectoryLookupCacheMetrics;
}

/**
 * Whether a province fetch only looks zones up by key: a query whose root fields are
 * `zone(id:)` and `zones(ids:)` (no directives or aliases) selecting nothing but
 * `__typename` and `id`. Its answer depends only on the directory, the arguments and
 * the caller's scope, not on any zone's data.
 */
export function isKeyOnlyDirectoryLookup(document: DocumentNode | undefined): boolean {
  if (!document || document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || (operation.directives?.length ?? 0) > 0) return false;
  return operation.selectionSet.selections.every(
    (root) =>
      root.kind === Kind.FIELD &&
      !root.alias &&
      (root.directives?.length ?? 0) === 0 &&
      (isLookupField(root) ? root.selectionSet !== undefined && selectsKeysOnly(root.selectionSet) : root.name.value === '__typename'),
  );
}

function isLookupField(field: FieldNode): boolean {
  const byArgument = Object.hasOwn(LOOKUP_FIELDS, field.name.value) ? LOOKUP_FIELDS[field.name.value] : undefined;
  return byArgument !== undefined && (field.arguments ?? []).some((argument) => argument.name.value === byArgument);
}

/** The planner's fetches always parse; anything else is simply not a lookup. */
function parseOrUndefined(query: string): DocumentNode | undefined {
  try {
    return parse(query, { noLocation: true });
  } catch {
    return undefined;
  }
}

function selectsKeysOnly(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every(
    (field) => field.kind === Kind.FIELD && !field.alias && !field.selectionSet && (field.directives?.length ?? 0) === 0 && KEY_FIELDS.has(field.name.value),
  );
}

/**
 * Answers the province's key-only zone lookups (`isKeyOnlyDirectoryLookup`) from memory, so
 * that `zone(id: "yongkang") { indicators }` goes to the zone service without a province
 * round trip first. An answer is kept for the caller it was given to (the forwarded
 * principal: the province answers by scope) and the shard map it was asked under: a
 * registration, the only thing that changes the directory, gives a new shard map and so
 * new keys. Only answers without errors are kept, so a zone unknown a moment ago is asked
 * again; `ttlMs` bounds how long a kept answer is served (a province restarted on another
 * directory, in static mode, is seen within it).
 */
export class DirectoryLookupCache {
  private readonly answers: LRUCache<string, string>;
  /** Per fetch operation text (the planner's, a bounded set): whether it is a key-only lookup. */
  private readonly decisions = new LRUCache<string, boolean>({ max: 1000 });
  private readonly shardMapIds = new ObjectIds();
  private readonly metrics: DirectoryLookupCacheMetrics | undefined;
  private readonly ttlMs: number;

  constructor({ ttlMs, maxEntries = 10_000, metrics }: DirectoryLookupCacheOptions) {
    this.ttlMs = ttlMs;
    this.answers = new LRUCache<string, string>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
    this.metrics = metrics?.(() => this.answers.size);
  }

  get size(): number {
    return this.answers.size;
  }

  /** The province's data source with its key-only lookups answered from this cache. */
  wrap(dataSource: GraphQLDataSource): GraphQLDataSource {
    return {
      process: async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
        const key = this.keyOf(options);
        if (key === undefined) return dataSource.process(options);
        const kept = this.answers.get(key);
        if (kept !== undefined) {
          this.metrics?.served('hit');
          answerRecordOf(options.context)?.vouchDirectoryLookup(Date.now() + this.answers.getRemainingTTL(key));
          // Every asker gets its own copy: the gateway merges answers into its result in place.
          return { data: JSON.parse(kept) as DataSourceResponse['data'] };
        }
        this.metrics?.served('miss');
        const response = await dataSource.process(options);
        if (response.data && !(response.errors?.length ?? 0)) {
          this.answers.set(key, JSON.stringify(response.data));
          answerRecordOf(options.context)?.vouchDirectoryLookup(Date.now() + this.ttlMs);
        }
        return response;
      },
    };
  }

  /** The key of a cacheable fetch, or undefined: not a client operation's key-only lookup, or no principal to keep it for. */
  private keyOf(options: GraphQLDataSourceProcessOptions): string | undefined {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
    const context = options.context as Partial<GatewayContext>;
    if (!context.principal || !this.isLookup(options.request.query)) return undefined;
    const shardMap = context.shardMap ? this.shardMapIds.idOf(context.shardMap) : '';
    return `${principalHeaderOf(context.principal)}\n${shardMap}\n${options.request.query ?? ''}\n${JSON.stringify(options.request.variables ?? {})}`;
  }

  private isLookup(query: string | undefined): boolean {
    if (!query) return false;
    let decision = this.decisions.get(query);
    if (decision === undefined) {
      decision = isKeyOnlyDirectoryLookup(parseOrUndefined(query));
      this.decisions.set(query, decision);
    }
    return decision;
  }
}
