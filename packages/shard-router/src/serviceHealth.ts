import { CircuitBreaker, type BreakerSnapshot } from './circuitBreaker';

/** The province subgraph, or one zone service of the `zones` subgraph. */
export type ServiceKind = 'province' | 'zone';

/**
 * - `up`: no failure since the last success (or never asked yet);
 * - `degraded`: failures recently or since the last success, or a half-open probe under way;
 * - `open`: the breaker is open after consecutive failures, calls are refused at once;
 * - `down`: the breaker reopened after a failed probe: the service stayed down through a cool-down.
 */
export type ServiceState = 'up' | 'degraded' | 'open' | 'down';

export interface ServiceHealthReport {
  readonly state: ServiceState;
  readonly consecutiveFailures: number;
  readonly lastSuccessAt: number | null;
  readonly lastFailureAt: number | null;
}

export interface ServiceHealthBoardOptions {
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  /** A failure this recent keeps a closed breaker's service `degraded`, in milliseconds. */
  readonly recentFailureMs: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** One circuit breaker per service, shared by every data source and read by `/ready`. */
export class ServiceHealthBoard {
  /** By kind, then by name: every call looks its breaker up, with no key string to build. */
  private readonly breakers: Readonly<Record<ServiceKind, Map<string, CircuitBreaker>>> = { province: new Map(), zone: new Map() };
  private readonly now: () => number;

  constructor(private readonly options: ServiceHealthBoardOptions) {
    this.now = options.now ?? Date.now;
  }

  breaker(kind: ServiceKind, name: string): CircuitBreaker {
    const ofKind = this.breakers[kind];
    let breaker = ofKind.get(name);
    if (!breaker) {
      breaker = new CircuitBreaker({ failureThreshold: this.options.failureThreshold, coolDownMs: this.options.coolDownMs, now: this.now });
      ofKind.set(name, breaker);
    }
    return breaker;
  }

  /** Forgets a service's breaker: its next call finds a closed one with no failures (a service gone, or at a new address). */
  forget(kind: ServiceKind, name: string): void {
    this.breakers[kind].delete(name);
  }

  report(kind: ServiceKind, name: string): ServiceHealthReport {
    const snapshot = this.breakers[kind].get(name)?.snapshot();
    if (!snapshot) return { state: 'up', consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null };
    return {
      state: this.stateOf(snapshot),
      consecutiveFailures: snapshot.state.consecutiveFailures,
      lastSuccessAt: snapshot.lastSuccessAt,
      lastFailureAt: snapshot.lastFailureAt,
    };
  }

  private stateOf({ state, lastFailureAt }: BreakerSnapshot): ServiceState {
    if (state.state === 'open') return state.reprobed ? 'down' : 'open';
    if (state.state === 'half-open' || state.consecutiveFailures > 0) return 'degraded';
    const recent = lastFailureAt !== null && this.now() - lastFailureAt < this.options.recentFailureMs;
    return recent ? 'degraded' : 'up';
  }
}
