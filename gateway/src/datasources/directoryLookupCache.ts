import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DirectoryLookupCacheMetrics } from '@devzone/observability';
import { Kind, parse, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { LRUCache } from 'lru-cache';
import { answerRecordOf } from '../answerCache/answerRecord';
import type { GatewayContext } from '../context';
import { ObjectIds } from './objectIds';
import { principalHeaderOf } from './SigningRemoteGraphQLDataSource';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from './types';

/** Province root fields that look zones up by id: `zone(id:)`, and `zones` with `ids`. */
const LOOKUP_FIELDS: Readonly<Record<string, string>> = { zone: 'id', zones: 'ids' };
/** The only fields a key-only fetch selects: what the query planner asks before it fetches the zone's own fields. */
const KEY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id']);

/**
 * What a province fetch asks, for this cache: `lookup`, zones by id; `list`, the whole list
 * (`zones` without arguments); both selecting only keys. Anything else is `undefined`.
 */
export type DirectoryFetchKind = 'lookup' | 'list';

export interface DirectoryLookupCacheOptions {
  /** How long an answer is served, at most (GATEWAY_DIRECTORY_CACHE_TTL_MS). */
  readonly ttlMs: number;
  /** @default 10000 */
  readonly maxEntries?: number;
  readonly metrics?: (entries: () => number) => DirectoryLookupCacheMetrics;
}

/**
 * Whether a province fetch only reads the directory's keys: a query whose root fields (no
 * directives or aliases) select nothing but `__typename` and `id`, and are `zone(id:)` and
 * `zones(ids:)` (a `lookup`), or `zones` without arguments alone (a `list`). Its answer depends
 * only on the directory, the arguments and the caller's scope, not on any zone's data.
 * With `selecting: 'any'`, the root fields may select other fields of the directory too.
 */
export function directoryFetchKind(document: DocumentNode | undefined, selecting: 'keys' | 'any' = 'keys'): DirectoryFetchKind | undefined {
  if (!document || document.definitions.length !== 1) return undefined;
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || (operation.directives?.length ?? 0) > 0) return undefined;
  const roots = operation.selectionSet.selections;
  const plain = (root: (typeof roots)[number]): root is FieldNode => root.kind === Kind.FIELD && !root.alias && (root.directives?.length ?? 0) === 0;
  const keysOf = (root: FieldNode) => root.selectionSet !== undefined && (selecting === 'any' || selectsKeysOnly(root.selectionSet));
  if (!roots.every(plain)) return undefined;
  const fields = roots.filter((root) => root.name.value !== '__typename');
  if (fields.length === 1 && isWholeList(fields[0]!) && keysOf(fields[0]!)) return 'list';
  return fields.every((root) => isLookupField(root) && keysOf(root)) ? 'lookup' : undefined;
}

function isWholeList(field: FieldNode): boolean {
  return field.name.value === 'zones' && (field.arguments?.length ?? 0) === 0;
}

/**
 * Whether a list answer names exactly the zones the shard map hosts, each once. A registration
 * commits the shard map before the province writes the new zone's directory entry, so for a
 * moment the province may list the zones without it, with no error to tell: such an answer (and
 * a list scoped to part of the directory, or naming a zone no service hosts) is never kept.
 */
export function listMatchesShardMap(data: DataSourceResponse['data'], shardMap: ZoneServiceRegistry): boolean {
  const zones: unknown = data?.zones;
  if (!Array.isArray(zones)) return false;
  const hosted = new Set(shardMap.services().flatMap((service) => service.zoneIds));
  const listed = new Set<string>();
  for (const zone of zones) {
    const id: unknown = zone && typeof zone === 'object' ? (zone as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !hosted.has(id) || listed.has(id)) return false;
    listed.add(id);
  }
  return listed.size === hosted.size;
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
 * Answers the province's key-only zone lookups and lists (`directoryFetchKind`) from memory, so
 * that `zone(id: "yongkang") { indicators }` goes to the zone service without a province
 * round trip first. A list is kept only when it names exactly the zones of the shard map
 * (`listMatchesShardMap`). An answer is kept for the caller it was given to (the forwarded
 * principal: the province answers by scope) and the shard map it was asked under: a
 * registration, the only thing that changes the directory, gives a new shard map and so
 * new keys. Only answers without errors are kept, so a zone unknown a moment ago is asked
 * again; `ttlMs` bounds how long a kept answer is served (a province restarted on another
 * directory, in static mode, is seen within it).
 */
export class DirectoryLookupCache {
  private readonly answers: LRUCache<string, string>;
  /** Per fetch operation text (the planner's, a bounded set): what it asks (`none`: nothing this cache keeps). */
  private readonly decisions = new LRUCache<string, DirectoryFetchKind | 'none'>({ max: 1000 });
  private readonly shardMapIds = new ObjectIds();
  private readonly metrics: DirectoryLookupCacheMetrics | undefined;
  private readonly ttlMs: number;

  constructor({ ttlMs, maxEntries = 10_000, metrics }: DirectoryLookupCacheOptions) {
    this.ttlMs = ttlMs;
    // ttlResolution 0: lru-cache would otherwise remember the time for 1 ms with a timer set on
    // every lookup, a timer that wakes an idle gateway while its zone fetch is out.
    this.answers = new LRUCache<string, string>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false, ttlResolution: 0 });
    this.metrics = metrics?.(() => this.answers.size);
  }

  get size(): number {
    return this.answers.size;
  }

  /**
   * The province's data source with its key-only lookups and lists answered from this cache;
   * `shardMapOf` gives the shard map a request runs on (the one its answers are kept under).
   */
  wrap(dataSource: GraphQLDataSource, shardMapOf: (context: GatewayContext) => ZoneServiceRegistry): GraphQLDataSource {
    return {
      process: async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
        const kept = this.lookUp(options, shardMapOf, true);
        if (!kept) return dataSource.process(options);
        if (kept.data) return { data: kept.data };
        const { kind, key, shardMap } = kept;
        const response = await dataSource.process(options);
        if (response.data && !(response.errors?.length ?? 0) && (kind === 'lookup' || listMatchesShardMap(response.data, shardMap))) {
          this.answers.set(key, JSON.stringify(response.data));
          vouchFor(options, kind, shardMap, Date.now() + this.ttlMs);
        }
        return response;
      },
    };
  }

  /**
   * The kept answer of a key-only lookup or list, served at once as `wrap`'s data source serves it
   * (counted, and vouched for in the request's answer record); undefined when this cache keeps
   * no answer for it (a miss, or a fetch it does not keep): fetch it.
   */
  keptAnswer(options: GraphQLDataSourceProcessOptions, shardMapOf: (context: GatewayContext) => ZoneServiceRegistry): DataSourceResponse['data'] | undefined {
    // A miss is counted by the fetch that follows it.
    return this.lookUp(options, shardMapOf, false)?.data;
  }

  /** undefined: a fetch this cache does not keep; with `data`: a hit; else a miss, with what keeping its answer takes. */
  private lookUp(
    options: GraphQLDataSourceProcessOptions,
    shardMapOf: (context: GatewayContext) => ZoneServiceRegistry,
    countMiss: boolean,
  ): { kind: DirectoryFetchKind; key: string; shardMap: ZoneServiceRegistry; data?: DataSourceResponse['data'] } | undefined {
    const kind = this.kindOf(options.request.query);
    const shardMap = kind && shardMapOf(options.context as GatewayContext);
    const key = shardMap && this.keyOf(options, shardMap);
    if (!kind || !shardMap || key === undefined) return undefined;
    const kept = this.answers.get(key);
    if (kept === undefined) {
      if (countMiss) this.metrics?.served('miss');
      return { kind, key, shardMap };
    }
    this.metrics?.served('hit');
    vouchFor(options, kind, shardMap, Date.now() + this.answers.getRemainingTTL(key));
    // Every asker gets its own copy: the gateway merges answers into its result in place.
    return { kind, key, shardMap, data: JSON.parse(kept) as DataSourceResponse['data'] };
  }

  /** The key of a key-only fetch, or undefined: not a client operation's, or no principal to keep it for. */
  private keyOf(options: GraphQLDataSourceProcessOptions, shardMap: ZoneServiceRegistry): string | undefined {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
    const { principal } = options.context as Partial<GatewayContext>;
    if (!principal) return undefined;
    return `${principalHeaderOf(principal)}\n${this.shardMapIds.idOf(shardMap)}\n${options.request.query ?? ''}\n${JSON.stringify(options.request.variables ?? {})}`;
  }

  private kindOf(query: string | undefined): DirectoryFetchKind | undefined {
    if (!query) return undefined;
    let decision = this.decisions.get(query);
    if (decision === undefined) {
      decision = directoryFetchKind(parseOrUndefined(query)) ?? 'none';
      this.decisions.set(query, decision);
    }
    return decision === 'none' ? undefined : decision;
  }
}

/** Vouches for a directory answer in the request's answer record: a list holds only while the shard map is the one it was checked against. */
function vouchFor(options: GraphQLDataSourceProcessOptions, kind: DirectoryFetchKind, shardMap: ZoneServiceRegistry, expiresAt: number): void {
  const record = answerRecordOf(options.context);
  if (kind === 'list') record?.vouchDirectoryList(expiresAt, shardMap);
  else record?.vouchDirectoryLookup(expiresAt);
}
