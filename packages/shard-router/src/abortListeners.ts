import { getEventListeners } from 'node:events';

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

/**
 * Controllers `withDeadline` handed back unaborted: creating an `AbortSignal` costs about 5 µs in
 * Node 20 (an EventTarget given a new prototype), more than half of what routing a fetch costs
 * otherwise, so each one serves call after call until a deadline passes.
 */
const idleControllers: AnnouncingAbortController[] = [];
const MAX_IDLE_CONTROLLERS = 64;

/** An announcing controller, one handed back by `releaseAbortController` when there is one. */
export function reusableAbortController(): AnnouncingAbortController {
  return idleControllers.pop() ?? announcingAbortController();
}

/**
 * Hands `controller` back once the call given its signal has settled. It is given out again only
 * when no one listens to its signal any more (through `onAbort` or `addEventListener`) and it was
 * never aborted, so that a later call's deadline reaches that call's listeners only. Work of the
 * settled call still holding the signal without listening sees it aborted if a later call's deadline
 * passes, which stops nothing anyone waits for.
 */
export function releaseAbortController(controller: AnnouncingAbortController): void {
  const { signal } = controller;
  if (signal.aborted || idleControllers.length >= MAX_IDLE_CONTROLLERS) return;
  if ((listenersOf.get(signal)?.size ?? 0) > 0 || getEventListeners(signal, 'abort').length > 0) return;
  idleControllers.push(controller);
}
