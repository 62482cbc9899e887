/**
 * Listeners on the abort signals `withDeadline` hands out, kept here rather than on the signal:
 * in Node 20 `addEventListener` on an `AbortSignal` costs about 8 µs (EventTarget's bookkeeping),
 * and every subgraph fetch listens to its deadline's signal once. Any other signal is listened to
 * with `addEventListener`, as usual.
 */
const listenersOf = new WeakMap<AbortSignal, Set<() => void>>();

/** An abort controller whose `abort` also calls the listeners `onAbort` kept for its signal. */
export interface AnnouncingAbortController {
  readonly signal: AbortSignal;
  abort(reason: Error): void;
}

export function announcingAbortController(): AnnouncingAbortController {
  const controller = new AbortController();
  const listeners = new Set<() => void>();
  listenersOf.set(controller.signal, listeners);
  return {
    signal: controller.signal,
    abort(reason) {
      if (controller.signal.aborted) return;
      controller.abort(reason);
      for (const listener of [...listeners]) listener();
      listeners.clear();
    },
  };
}

/**
 * Calls `listener` once when `signal` aborts (not when it already has: check `signal.aborted`
 * first). Returns the function that stops listening.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  const listeners = listenersOf.get(signal);
  if (listeners) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}
