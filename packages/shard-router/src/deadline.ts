import { releaseAbortController, reusableAbortController } from './abortListeners';

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
 * A signal that was not aborted is handed to later calls once this one has settled
 * (`releaseAbortController`). The signal is passed, not kept in an `AsyncLocalStorage`: any
 * async store makes Node run hooks on every promise of the process (~7 % of a service's CPU).
 */
export function withDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>, note?: string): Promise<T> {
  const controller = reusableAbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new DeadlineExceededError(timeoutMs, note);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const settle = (done: () => void) => {
      clearTimeout(timer);
      // The call has settled: its controller serves the next one, unless its deadline passed
      // (it is aborted) or someone still listens.
      releaseAbortController(controller);
      done();
    };
    let called: Promise<T>;
    try {
      called = call(controller.signal);
    } catch (error) {
      settle(() => reject(error));
      return;
    }
    // Settling a settled promise does nothing: whichever of the call and the timer comes first decides.
    called.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
