import { setTimeout as sleep } from 'node:timers/promises';
import { UNOBSERVED, type CallFailure, type CallObserver } from './callObserver';
import type { Admission, CircuitBreaker } from './circuitBreaker';
import { DeadlineExceededError, withDeadline } from './deadline';
import { describeFailure } from './describeFailure';
import type { RequestBudget } from './requestBudget';
import { isRetryableFailure, jitterDelayMs } from './retryPolicy';
import { serviceCodesOf } from './serviceCodes';
import type { ServiceKind } from './serviceHealth';

/**
 * A service's answer once checked: accepted (as `value`) or refused with the reason, and the codes
 * (`extensions.code`) of the errors the service answered with, when it answered errors instead of data.
 */
export type CheckedAnswer<T> =
  { readonly status: 'answered'; readonly value: T } | { readonly status: 'failed'; readonly reason: string; readonly serviceCodes?: readonly string[] };

/** A call that failed: `breaker` is set when the breaker refused it without sending it; `serviceCodes` as in `CheckedAnswer`. */
export interface FailedCall {
  readonly status: 'failed';
  readonly reason: string;
  readonly breaker?: 'OPEN' | 'HALF_OPEN';
  readonly serviceCodes?: readonly string[];
}

export type CallOutcome<T> = { readonly status: 'answered'; readonly value: T } | FailedCall;

export interface GuardedCall<R, T> {
  readonly kind: ServiceKind;
  readonly name: string;
  readonly breaker: CircuitBreaker;
  readonly budget: RequestBudget;
  /** The fetch's own deadline; the request's remaining time may shorten it. */
  readonly timeoutMs: number;
  /** Longest jitter before the one retry; `null` never retries (mutations). */
  readonly retryJitterMs: number | null;
  /** Sends the call; `signal` aborts at the call's deadline. */
  readonly send: (signal: AbortSignal) => Promise<R>;
  /** Refusing an answer (wrong ids, wrong count) fails the call like a timeout does. */
  readonly check: (response: R) => CheckedAnswer<T>;
  /** Where the call's span and fetch metrics go. @default UNOBSERVED */
  readonly observer?: CallObserver;
}

/**
 * One call to one service under every rule: a service that already failed this
 * operation fails at once; so does any call once the request deadline has passed, or
 * while the service's breaker is open. Otherwise the call is sent within its deadline,
 * retried once on a connection failure or 5xx if allowed, checked, and its outcome
 * recorded in the breaker and in the operation's budget. The observer sees each call
 * (the gateway makes it a span and counts it in `subgraph_request_*`).
 */
export function guardedCall<R, T>(call: GuardedCall<R, T>): Promise<CallOutcome<T>> {
  const observer = call.observer ?? UNOBSERVED;
  return observer.watch({ kind: call.kind, name: call.name }, async (watch) => {
    const failed = (reason: CallFailure, outcome: FailedCall): CallOutcome<T> => {
      watch.failed(reason, outcome.reason);
      return outcome;
    };
    const key = `${call.kind}:${call.name}`;
    const earlier = call.budget.failureOf(key);
    if (earlier !== undefined) return failed('failed_earlier', { status: 'failed', reason: `failed earlier in this request: ${earlier}` });
    const window = call.budget.window(call.timeoutMs);
    if (window.status === 'expired') return failed('request_deadline', { status: 'failed', reason: window.reason });
    const admission = call.breaker.admit();
    if (!admission.admitted) return failed('breaker_open', { status: 'failed', reason: refusal(admission), breaker: admission.breaker });

    const started = process.hrtime.bigint();
    let outcome: CheckedAnswer<T>;
    let failure: CallFailure = 'bad_answer';
    try {
      const response = await withDeadline(window.timeoutMs, (signal) => sendWithRetry(call, signal), window.note);
      outcome = call.check(response);
    } catch (error) {
      const serviceCodes = serviceCodesOf(error);
      outcome = { status: 'failed', reason: describeFailure(error), ...(serviceCodes.length > 0 ? { serviceCodes } : {}) };
      failure = error instanceof DeadlineExceededError ? 'timeout' : 'error';
      // Its window was the rest of the request deadline (`note` names it): that deadline has passed.
      if (failure === 'timeout' && window.note !== undefined) call.budget.deadlinePassed();
    }
    watch.sent(Number(process.hrtime.bigint() - started) / 1e9, outcome.status);
    if (outcome.status === 'answered') {
      call.breaker.succeed();
      return outcome;
    }
    call.breaker.fail();
    call.budget.markFailed(key, outcome.reason);
    return failed(failure, outcome);
  });
}

function sendWithRetry<R>(call: GuardedCall<R, unknown>, signal: AbortSignal): Promise<R> {
  let sent: Promise<R>;
  try {
    sent = call.send(signal);
  } catch (error) {
    // Whatever was thrown, as it was thrown: the retry rule and the failure's description read it.
    sent = Promise.reject(error as Error);
  }
  // Not an async function: a call that is not retried answers with its own promise, a turn sooner.
  if (call.retryJitterMs === null) return sent;
  const jitterMs = call.retryJitterMs;
  return sent.catch(async (error: unknown) => {
    if (!isRetryableFailure(error)) throw error;
    // Aborted with the deadline: the enclosing withDeadline has already given up.
    await sleep(jitterDelayMs(jitterMs), undefined, { signal });
    return call.send(signal);
  });
}

function refusal(admission: Extract<Admission, { admitted: false }>): string {
  if (admission.breaker === 'HALF_OPEN') return 'its circuit breaker is half-open: a probe is under way';
  return `its circuit breaker is open after ${admission.consecutiveFailures} consecutive failures (next probe in ${admission.retryInMs} ms)`;
}
