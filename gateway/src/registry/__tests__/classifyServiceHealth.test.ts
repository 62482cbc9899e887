import { classifyServiceHealth } from '../classifyServiceHealth';

describe('classifyServiceHealth', () => {
  it('is up when the service answered in time with its breaker closed', () => {
    expect(classifyServiceHealth({ status: 'answered', elapsedMs: 40, breaker: 'closed' }, 2500)).toEqual({ state: 'up', detail: null });
  });

  it('is degraded when the answer took more than half the zone deadline', () => {
    expect(classifyServiceHealth({ status: 'answered', elapsedMs: 2600, breaker: 'closed' }, 2500)).toEqual({
      state: 'degraded',
      detail: 'answered in 2600 ms, more than 2500 ms (half the zone deadline)',
    });
  });

  it.each(['open', 'half-open'] as const)('is degraded when it answered while its breaker is %s', (breaker) => {
    expect(classifyServiceHealth({ status: 'answered', elapsedMs: 10, breaker }, 2500)).toEqual({
      state: 'degraded',
      detail: `answered, but its circuit breaker is ${breaker}: requests to it are refused until it closes`,
    });
  });

  it('is down when the check failed, saying why', () => {
    expect(classifyServiceHealth({ status: 'failed', reason: 'fetch failed (ECONNREFUSED)', elapsedMs: 3, breaker: 'open' }, 2500)).toEqual({
      state: 'down',
      detail: 'fetch failed (ECONNREFUSED)',
    });
  });
});
