import type { GetDataSourceFunction, SupergraphManager, SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { describeFailure } from '@devzone/shard-router';
import { silentLogger, type GatewayLogger } from '../../logger';
import { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from '../../subgraphNames';
import { composeSupergraph, type SubgraphSdl } from './composeSupergraph';
import { loadSubgraphSdl } from './loadSubgraphSdl';
import { formatProblem, SupergraphCompositionError } from './SupergraphCompositionError';
import type { CompositionProblem, RefreshResult, SubgraphEndpoint } from './types';

export * from './types';
export { SupergraphCompositionError } from './SupergraphCompositionError';

export interface FederatedComposerOptions {
  /** GraphQL endpoint of the province subgraph. */
  readonly provinceUrl: string;
  /**
   * Deadline for fetching one subgraph's SDL, in milliseconds.
   * @default 5000
   */
  readonly timeoutMs?: number;
  /** @default silentLogger */
  readonly logger?: GatewayLogger;
}

export interface RefreshOptions {
  /**
   * SDL to compose for a subgraph instead of fetching it, by subgraph name: lets a
   * registration check a candidate zone schema before it is accepted.
   */
  readonly sdlOverrides?: Readonly<Record<string, string>>;
}

type SupergraphSdlHookOptions = Parameters<SupergraphSdlHook>[0];

interface GatewayHooks {
  readonly update: SupergraphSdlUpdateFunction;
  readonly getDataSource: GetDataSourceFunction;
}

type ComposerState =
  | { readonly phase: 'initialized' }
  | { readonly phase: 'serving'; readonly hooks: GatewayHooks; readonly supergraphSdl: string }
  | { readonly phase: 'stopped' };

type BuildOutcome =
  | { readonly status: 'composed'; readonly supergraphSdl: string }
  | { readonly status: 'failed'; readonly reason: 'unreachable' | 'composition'; readonly problems: readonly CompositionProblem[] };

/**
 * Supergraph manager composing two subgraphs: `province` and `zones`, the one logical
 * subgraph every zone service implements. SDLs are fetched through the gateway's data
 * sources, so `zones` is asked through the sharded data source (first reachable zone
 * service). `refresh()` recomposes and updates the gateway only when composition
 * succeeds; otherwise the last good supergraph keeps being served.
 */
export class FederatedComposer implements SupergraphManager {
  private readonly subgraphs: readonly SubgraphEndpoint[];
  private readonly timeoutMs: number;
  private readonly logger: GatewayLogger;
  private state: ComposerState = { phase: 'initialized' };
  /** Refreshes run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor({ provinceUrl, timeoutMs = 5000, logger = silentLogger }: FederatedComposerOptions) {
    this.subgraphs = [
      { name: PROVINCE_SUBGRAPH, url: provinceUrl },
      { name: ZONES_SUBGRAPH, url: ZONES_SUBGRAPH_URL },
    ];
    this.timeoutMs = timeoutMs;
    this.logger = logger;
  }

  /** The supergraph being served, once initialized. */
  get supergraphSdl(): string | undefined {
    return this.state.phase === 'serving' ? this.state.supergraphSdl : undefined;
  }

  async initialize({ update, getDataSource }: SupergraphSdlHookOptions): ReturnType<SupergraphSdlHook> {
    if (this.state.phase !== 'initialized') throw new Error(`FederatedComposer cannot initialize: it is ${this.state.phase}`);
    const built = await this.build(getDataSource, {});
    if (built.status === 'failed') {
      const error = new SupergraphCompositionError(built.reason, built.problems);
      this.logger.error(error.message);
      throw error;
    }
    this.state = { phase: 'serving', hooks: { update, getDataSource }, supergraphSdl: built.supergraphSdl };
    return {
      supergraphSdl: built.supergraphSdl,
      cleanup: async () => {
        this.state = { phase: 'stopped' };
        await this.queue;
      },
    };
  }

  /** Fetches the subgraph SDLs again and recomposes; see `RefreshResult`. */
  refresh(options: RefreshOptions = {}): Promise<RefreshResult> {
    const run = this.queue.then(() => this.refreshNow(options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refreshNow({ sdlOverrides = {} }: RefreshOptions): Promise<RefreshResult> {
    const before = this.servingState();
    const built = await this.build(before.hooks.getDataSource, sdlOverrides);
    const current = this.servingState();
    if (built.status === 'failed') {
      this.logFailure(built.problems);
      return { outcome: 'rejected', reason: built.reason, problems: built.problems, supergraphSdl: current.supergraphSdl };
    }
    if (built.supergraphSdl === current.supergraphSdl) return { outcome: 'unchanged', supergraphSdl: current.supergraphSdl };
    try {
      current.hooks.update(built.supergraphSdl);
    } catch (error) {
      const problems = [{ message: describeFailure(error) }];
      this.logFailure(problems);
      return { outcome: 'rejected', reason: 'update', problems, supergraphSdl: current.supergraphSdl };
    }
    this.state = { ...current, supergraphSdl: built.supergraphSdl };
    this.logger.info('Supergraph updated');
    return { outcome: 'updated', supergraphSdl: built.supergraphSdl };
  }

  private servingState(): Extract<ComposerState, { phase: 'serving' }> {
    if (this.state.phase !== 'serving') throw new Error(`FederatedComposer cannot refresh: it is ${this.state.phase}`);
    return this.state;
  }

  private async build(getDataSource: GetDataSourceFunction, sdlOverrides: Readonly<Record<string, string>>): Promise<BuildOutcome> {
    const fetched = await Promise.allSettled(
      this.subgraphs.map((subgraph) => sdlOverrides[subgraph.name] ?? loadSubgraphSdl(getDataSource(subgraph), this.timeoutMs)),
    );
    const sdls: SubgraphSdl[] = [];
    const unreachable: CompositionProblem[] = [];
    fetched.forEach((result, i) => {
      const subgraph = this.subgraphs[i]!;
      if (result.status === 'fulfilled') sdls.push({ ...subgraph, sdl: result.value });
      else unreachable.push({ subgraph: subgraph.name, message: `schema could not be fetched: ${describeFailure(result.reason)}` });
    });
    if (unreachable.length > 0) return { status: 'failed', reason: 'unreachable', problems: unreachable };
    const composed = composeSupergraph(sdls);
    return composed.status === 'composed' ? composed : { status: 'failed', reason: 'composition', problems: composed.problems };
  }

  private logFailure(problems: readonly CompositionProblem[]): void {
    this.logger.error(`Keeping the last good supergraph; composition failed:\n${problems.map(formatProblem).join('\n')}`);
  }
}
