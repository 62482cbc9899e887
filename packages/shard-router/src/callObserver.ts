import type { ServiceKind } from './serviceHealth';

/**
 * Why a call failed. Not sent at all: `breaker_open` (the service's breaker refused it),
 * `request_deadline` (the operation's deadline had passed), `failed_earlier` (the service
 * already failed this operation). Sent: `timeout`, `bad_answer` (refused: wrong entities,
 * not JSON, too large), `error` (connection refused or reset, HTTP 5xx).
 */
export type CallFailure = 'breaker_open' | 'request_deadline' | 'failed_earlier' | 'timeout' | 'bad_answer' | 'error';

/** What a guarded call tells its observer while it runs. */
export interface CallWatch {
  /** The call was sent and ended, retry included, after `seconds`. */
  sent(seconds: number, outcome: 'answered' | 'failed'): void;
  failed(reason: CallFailure, message: string): void;
}

/**
 * Where a caller keeps the signals of its calls (spans, metrics): `watch` runs the call
 * inside whatever the observer keeps for it. The router itself keeps none.
 */
export interface CallObserver {
  watch<T>(target: { readonly kind: ServiceKind; readonly name: string }, call: (watch: CallWatch) => Promise<T>): Promise<T>;
  /** Drops what it keeps of a service that left (its labels, its metric series), if it keeps anything. */
  forget?(target: { readonly kind: ServiceKind; readonly name: string }): void;
}

const NO_WATCH: CallWatch = { sent: () => undefined, failed: () => undefined };

/** Keeps no signal. */
export const UNOBSERVED: CallObserver = { watch: (_target, call) => call(NO_WATCH) };
