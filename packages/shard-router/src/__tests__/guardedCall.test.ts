import { AnswerStatusError } from '../answerStatusError';
import { CircuitBreaker } from '../circuitBreaker';
import { guardedCall, type GuardedCall } from '../guardedCall';
import { RequestBudgets } from '../requestBudget';

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });

/** A send failing with a connection refusal: thrown at once, or rejected later. */
const FAILING_SENDS: readonly (() => Promise<string>)[] = [
  () => {
    throw refused();
  },
  () => Promise.reject(refused()),
];

function callOf(send: GuardedCall<string, string>['send'], retryJitterMs: number | null): GuardedCall<string, string> {
  return {
    kind: 'zone',
    name: 'anhui',
    breaker: new CircuitBreaker({ failureThreshold: 5, coolDownMs: 1000 }),
    budget: new RequestBudgets(5000).forOperation(undefined),
    timeoutMs: 1000,
    retryJitterMs,
    send,
    check: (response) => ({ status: 'answered', value: response }),
  };
}

describe('guardedCall', () => {
  it('retries a read once when its send fails, whether the failure is thrown at once or rejected later', async () => {
    for (const failing of FAILING_SENDS) {
      let sends = 0;
      const send = (signal: AbortSignal) => (sends++ === 0 ? failing() : Promise.resolve(signal.aborted ? 'aborted' : 'answered'));
      await expect(guardedCall(callOf(send, 0))).resolves.toEqual({ status: 'answered', value: 'answered' });
      expect(sends).toBe(2);
    }
  });

  it('sends a call that may not be retried once, and reports its failure, thrown or rejected', async () => {
    for (const failing of FAILING_SENDS) {
      let sends = 0;
      const send = () => {
        sends += 1;
        return failing();
      };
      const outcome = await guardedCall(callOf(send, null));
      expect(outcome.status).toBe('failed');
      expect(sends).toBe(1);
    }
  });

  it('after a call timed out at the end of the request deadline, fails the next one unsent, whatever the clock reads', async () => {
    // A clock that never moves: only the timed-out call can tell that the request deadline passed.
    const budget = new RequestBudgets(30, () => 0).forOperation({});
    const hang = (signal: AbortSignal) => new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const first = await guardedCall({ ...callOf(hang, null), budget });
    expect(first).toMatchObject({ status: 'failed', reason: 'timed out after 30 ms (the request deadline of 30 ms)' });

    let sent = 0;
    const second = await guardedCall({ ...callOf(() => Promise.resolve(String(sent++)), null), name: 'jiangsu', budget });
    expect(second).toEqual({ status: 'failed', reason: 'the request deadline of 30 ms passed before it was asked' });
    expect(sent).toBe(0);
  });

  it('does not retry a failure that is not a connection failure or a 5xx', async () => {
    let sends = 0;
    const send = () => {
      sends += 1;
      return Promise.reject(new Error('answered no data._entities'));
    };
    await expect(guardedCall(callOf(send, 0))).resolves.toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('answered no data._entities') as unknown,
    });
    expect(sends).toBe(1);
  });

  it("fails with the codes of the errors in the service's non-2xx answer, and none for a failure without an answer", async () => {
    const invalid = JSON.stringify({
      errors: [{ message: 'Cannot query field "figureSheet" on type "Zone".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    const rejected = await guardedCall(callOf(() => Promise.reject(new AnswerStatusError(400, 'Bad Request', invalid)), 0));
    expect(rejected).toEqual({
      status: 'failed',
      reason: 'HTTP 400: Bad Request: Cannot query field "figureSheet" on type "Zone".',
      serviceCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    const unreachable = await guardedCall(callOf(() => Promise.reject(refused()), null));
    expect(unreachable).toEqual({ status: 'failed', reason: 'fetch failed (ECONNREFUSED)' });
  });
});
