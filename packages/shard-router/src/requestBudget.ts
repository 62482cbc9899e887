/** How long one fetch may take, and which deadline limits it. */
export type FetchWindow =
  { readonly status: 'open'; readonly timeoutMs: number; readonly note?: string } | { readonly status: 'expired'; readonly reason: string };

/**
 * What one client operation may still spend: the request deadline shared by all of
 * its subgraph fetches, and the services that already failed it (asked again in the
 * same operation, they fail at once instead of costing their deadline again).
 */
export class RequestBudget {
  private readonly failed = new Map<string, string>();
  /** Set when a fetch limited by the request deadline timed out: its timer, not the clock, says the deadline passed. */
  private passed = false;

  constructor(
    private readonly deadlineAt: number,
    private readonly requestTimeoutMs: number,
    private readonly now: () => number,
  ) {}

  /** The deadline of the next fetch: its own, or what is left of the request's when that is less. */
  window(fetchTimeoutMs: number): FetchWindow {
    const left = this.deadlineAt - this.now();
    if (this.passed || left <= 0) return { status: 'expired', reason: `the request deadline of ${this.requestTimeoutMs} ms passed before it was asked` };
    if (left >= fetchTimeoutMs) return { status: 'open', timeoutMs: fetchTimeoutMs };
    return { status: 'open', timeoutMs: Math.ceil(left), note: `the request deadline of ${this.requestTimeoutMs} ms` };
  }

  /**
   * A fetch whose window was what was left of the request deadline timed out: the deadline has
   * passed, whatever the clock reads. Node's timers run on the event loop's own time, which may
   * fire a timer a millisecond before `Date.now()` shows its delay gone: without this, the next
   * fetch would be sent with a window of 1 ms.
   */
  deadlinePassed(): void {
    this.passed = true;
  }

  failureOf(service: string): string | undefined {
    return this.failed.get(service);
  }

  markFailed(service: string, reason: string): void {
    if (!this.failed.has(service)) this.failed.set(service, reason);
  }
}

/**
 * One budget per client operation, keyed by an object that stands for it (the
 * gateway's request context, the same for every fetch of the operation). The
 * request deadline runs from the operation's first fetch: parsing and planning
 * before it take milliseconds.
 */
export class RequestBudgets {
  private readonly budgets = new WeakMap<object, RequestBudget>();
  private readonly now: () => number;

  constructor(
    private readonly requestTimeoutMs: number,
    now: () => number = Date.now,
  ) {
    this.now = now;
  }

  /** The operation's budget; without an operation (schema loads, health checks) a budget of its own. */
  forOperation(operation: object | undefined): RequestBudget {
    if (operation === undefined) return this.create();
    let budget = this.budgets.get(operation);
    if (!budget) {
      budget = this.create();
      this.budgets.set(operation, budget);
    }
    return budget;
  }

  private create(): RequestBudget {
    return new RequestBudget(this.now() + this.requestTimeoutMs, this.requestTimeoutMs, this.now);
  }
}
