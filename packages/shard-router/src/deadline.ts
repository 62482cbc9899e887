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

/**
 * Runs `call` with a deadline of `timeoutMs`, handing it the deadline's abort signal: a
 * fetch given that signal is aborted when the deadline passes. The returned promise rejects with
 * `DeadlineExceededError` on time even if `call` ignores the signal.
 *
 * The signal is passed, not kept in an `AsyncLocalStorage`: any async store makes Node
 * run hooks on every promise of the process (~7 % of a service's CPU).
 */
export async function withDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>, note?: string): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(timeoutMs, note);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
