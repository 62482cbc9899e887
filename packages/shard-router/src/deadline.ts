import { AsyncLocalStorage } from 'node:async_hooks';

/** The signal of the deadline the current call runs under, if any. */
const currentSignal = new AsyncLocalStorage<AbortSignal>();

export class DeadlineExceededError extends Error {
  /** `note` says which deadline it was when it is not the fetch's own, e.g. the request's. */
  constructor(
    readonly timeoutMs: number,
    readonly note?: string,
  ) {
    super(`timed out after ${timeoutMs} ms${note ? ` (${note})` : ''}`);
    this.name = 'DeadlineExceededError';
  }
}

/** The abort signal of the innermost `withDeadline` around the caller. */
export function deadlineSignal(): AbortSignal | undefined {
  return currentSignal.getStore();
}

/**
 * Runs `call` with a deadline of `timeoutMs`. Fetches made inside it through
 * `limitedFetcher` are aborted when it passes (and when an enclosing deadline
 * passes); the returned promise rejects with `DeadlineExceededError` on time even if
 * `call` ignores the signal.
 */
export async function withDeadline<T>(timeoutMs: number, call: () => Promise<T>, note?: string): Promise<T> {
  const controller = new AbortController();
  const outer = currentSignal.getStore();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(timeoutMs, note);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([currentSignal.run(signal, call), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
