export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. */
  readonly failureThreshold: number;
  /** How long the breaker stays open before one probe is let through, in milliseconds. */
  readonly coolDownMs: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * `open.reprobed`: the breaker reopened because a half-open probe failed, so the
 * service is known to have stayed down through a whole cool-down.
 */
export type BreakerState =
  | { readonly state: 'closed'; readonly consecutiveFailures: number }
  | { readonly state: 'open'; readonly until: number; readonly consecutiveFailures: number; readonly reprobed: boolean }
  | { readonly state: 'half-open'; readonly consecutiveFailures: number };

/** Whether a call may go out now; a refused one says which breaker state refused it. */
export type Admission =
  | { readonly admitted: true; readonly probe: boolean }
  | { readonly admitted: false; readonly breaker: 'OPEN' | 'HALF_OPEN'; readonly consecutiveFailures: number; readonly retryInMs: number };

export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly lastSuccessAt: number | null;
  readonly lastFailureAt: number | null;
}

/**
 * A circuit breaker for one service: closed until `failureThreshold` consecutive
 * failures, then open (every call refused at once) for `coolDownMs`, then half-open:
 * exactly one probe goes out, and its outcome closes or reopens the breaker.
 */
export class CircuitBreaker {
  private current: BreakerState = { state: 'closed', consecutiveFailures: 0 };
  private lastSuccessAt: number | null = null;
  private lastFailureAt: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  admit(): Admission {
    const state = this.current;
    if (state.state === 'closed') return { admitted: true, probe: false };
    if (state.state === 'half-open') {
      return { admitted: false, breaker: 'HALF_OPEN', consecutiveFailures: state.consecutiveFailures, retryInMs: 0 };
    }
    const now = this.now();
    if (now < state.until) {
      return { admitted: false, breaker: 'OPEN', consecutiveFailures: state.consecutiveFailures, retryInMs: state.until - now };
    }
    this.current = { state: 'half-open', consecutiveFailures: state.consecutiveFailures };
    return { admitted: true, probe: true };
  }

  /** Any answer proves the service alive, a late one from before the breaker opened included. */
  succeed(): void {
    this.lastSuccessAt = this.now();
    this.current = { state: 'closed', consecutiveFailures: 0 };
  }

  fail(): void {
    const now = this.now();
    this.lastFailureAt = now;
    const state = this.current;
    const consecutiveFailures = state.consecutiveFailures + 1;
    if (state.state === 'half-open') {
      this.current = { state: 'open', until: now + this.options.coolDownMs, consecutiveFailures, reprobed: true };
    } else if (state.state === 'open') {
      // A call admitted before the breaker opened: counted, the cool-down is not extended.
      this.current = { ...state, consecutiveFailures };
    } else if (consecutiveFailures >= this.options.failureThreshold) {
      this.current = { state: 'open', until: now + this.options.coolDownMs, consecutiveFailures, reprobed: false };
    } else {
      this.current = { state: 'closed', consecutiveFailures };
    }
  }

  snapshot(): BreakerSnapshot {
    return { state: this.current, lastSuccessAt: this.lastSuccessAt, lastFailureAt: this.lastFailureAt };
  }
}
