import { RequestBudgets } from './requestBudget';
import { ServiceHealthBoard } from './serviceHealth';

/** Largest answer body accepted from a subgraph service by default: 8 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Deadlines, breakers, retries and answer limits of every subgraph fetch; see docs/security.md. */
export interface ResilienceOptions {
  /**
   * Deadline of one fetch to a zone service (and of one SDL fetch), in milliseconds.
   * @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Deadline of one fetch to the province service, in milliseconds.
   * @default 10000
   */
  readonly provinceTimeoutMs?: number;
  /**
   * Deadline of one client operation, shared by all its subgraph fetches: each gets
   * at most what is left, in milliseconds.
   * @default 15000
   */
  readonly requestTimeoutMs?: number;
  /**
   * Consecutive failures of one service that open its circuit breaker.
   * @default 5
   */
  readonly breakerFailureThreshold?: number;
  /**
   * How long an open breaker refuses calls before one probe goes through, in milliseconds.
   * @default 10000
   */
  readonly breakerCoolDownMs?: number;
  /**
   * Longest random wait before the one retry of a read after a connection failure or a 5xx;
   * `null` turns retries off.
   * @default 100
   */
  readonly retryMaxJitterMs?: number | null;
  /**
   * Largest answer body accepted from any subgraph service, in bytes.
   * @default 8 MiB
   */
  readonly maxResponseBytes?: number;
}

export type ResilienceSettings = { readonly [K in keyof ResilienceOptions]-?: Exclude<ResilienceOptions[K], undefined> };

export const RESILIENCE_DEFAULTS: ResilienceSettings = {
  timeoutMs: 5000,
  provinceTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  breakerFailureThreshold: 5,
  breakerCoolDownMs: 10_000,
  retryMaxJitterMs: 100,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
};

/** A failure this recent keeps a service `degraded` in `/ready` after it answers again. */
const RECENT_FAILURE_MS = 60_000;

/** What the data sources of one gateway share: settings, per-service breakers, per-operation budgets. */
export class Resilience {
  readonly settings: ResilienceSettings;
  readonly health: ServiceHealthBoard;
  readonly budgets: RequestBudgets;

  constructor(options: ResilienceOptions = {}, now: () => number = Date.now) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.settings = { ...RESILIENCE_DEFAULTS, ...defined };
    this.health = new ServiceHealthBoard({
      failureThreshold: this.settings.breakerFailureThreshold,
      coolDownMs: this.settings.breakerCoolDownMs,
      recentFailureMs: RECENT_FAILURE_MS,
      now,
    });
    this.budgets = new RequestBudgets(this.settings.requestTimeoutMs, now);
  }
}
