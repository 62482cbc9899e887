import { setTimeout as sleep } from 'node:timers/promises';
import type { Admission, CircuitBreaker } from './circuitBreaker';
import { deadlineSignal, withDeadline } from './deadline';
import { describeFailure } from './describeFailure';
import type { RequestBudget } from './requestBudget';
import { isRetryableFailure, jitterDelayMs } from './retryPolicy';
import type { ServiceKind } from './serviceHealth';
import type { DataSourceResponse } from './types';

/** A service's answer once checked: accepted (as `value`) or refused with the reason. */
export type CheckedAnswer<T> = { readonly status: 'answered'; readonly value: T } | { readonly status: 'failed'; readonly reason: string };

/** `breaker` is set when the breaker refused the call without sending it. */
export type CallOutcome<T> =
  { readonly status: 'answered'; readonly value: T } | { readonly status: 'failed'; readonly reason: string; readonly breaker?: 'OPEN' | 'HALF_OPEN' };

export interface GuardedCall<T> {
  readonly kind: ServiceKind;
  readonly name: string;
  readonly breaker: CircuitBreaker;
  readonly budget: RequestBudget;
  /** The fetch's own deadline; the request's remaining time may shorten it. */
  readonly timeoutMs: number;
  /** Longest jitter before the one retry; `null` never retries (mutations). */
  readonly retryJitterMs: number | null;
  readonly send: () => Promise<DataSourceResponse>;
  /** Refusing an answer (wrong ids, wrong count) fails the call like a timeout does. */
  readonly check: (response: DataSourceResponse) => CheckedAnswer<T>;
}

/**
 * One call to one service under every rule: a service that already failed this
 * operation fails at once; so does any call once the request deadline has passed, or
 * while the service's breaker is open. Otherwise the call is sent within its deadline,
 * retried once on a connection failure or 5xx if allowed, checked, and its outcome
 * recorded in the breaker and in the operation's budget.
 */
export async function guardedCall<T>(call: GuardedCall<T>): Promise<CallOutcome<T>> {
  const key = `${call.kind}:${call.name}`;
  const earlier = call.budget.failureOf(key);
  if (earlier !== undefined) return { status: 'failed', reason: `failed earlier in this request: ${earlier}` };
  const window = call.budget.window(call.timeoutMs);
  if (window.status === 'expired') return { status: 'failed', reason: window.reason };
  const admission = call.breaker.admit();
  if (!admission.admitted) return { status: 'failed', reason: refusal(admission), breaker: admission.breaker };

  let outcome: CheckedAnswer<T>;
  try {
    const response = await withDeadline(window.timeoutMs, () => sendWithRetry(call), window.note);
    outcome = call.check(response);
  } catch (error) {
    outcome = { status: 'failed', reason: describeFailure(error) };
  }
  if (outcome.status === 'answered') {
    call.breaker.succeed();
  } else {
    call.breaker.fail();
    call.budget.markFailed(key, outcome.reason);
  }
  return outcome;
}

async function sendWithRetry(call: GuardedCall<unknown>): Promise<DataSourceResponse> {
  try {
    return await call.send();
  } catch (error) {
    if (call.retryJitterMs === null || !isRetryableFailure(error)) throw error;
    // Aborted with the deadline: the enclosing withDeadline has already given up.
    await sleep(jitterDelayMs(call.retryJitterMs), undefined, { signal: deadlineSignal() });
    return call.send();
  }
}

function refusal(admission: Extract<Admission, { admitted: false }>): string {
  if (admission.breaker === 'HALF_OPEN') return 'its circuit breaker is half-open: a probe is under way';
  return `its circuit breaker is open after ${admission.consecutiveFailures} consecutive failures (next probe in ${admission.retryInMs} ms)`;
}
