import { CircuitBreaker } from '../circuitBreaker';
import { ServiceHealthBoard } from '../serviceHealth';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures, refuses while open, then lets exactly one probe through', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: time.now });
    breaker.fail();
    breaker.succeed();
    breaker.fail();
    breaker.fail();
    expect(breaker.admit()).toEqual({ admitted: true, probe: false });
    breaker.fail();

    expect(breaker.admit()).toEqual({ admitted: false, breaker: 'OPEN', consecutiveFailures: 3, retryInMs: 1000 });
    time.advance(999);
    expect(breaker.admit()).toMatchObject({ admitted: false, breaker: 'OPEN', retryInMs: 1 });
    time.advance(1);
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    expect(breaker.admit()).toMatchObject({ admitted: false, breaker: 'HALF_OPEN' });
  });

  it('closes when the probe succeeds and reopens for another cool-down when it fails', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 500, now: time.now });
    breaker.fail();
    time.advance(500);
    expect(breaker.admit()).toMatchObject({ admitted: true, probe: true });
    breaker.fail();
    expect(breaker.snapshot().state).toEqual({ state: 'open', until: time.now() + 500, consecutiveFailures: 2, reprobed: true });
    time.advance(500);
    expect(breaker.admit()).toMatchObject({ admitted: true, probe: true });
    breaker.succeed();
    expect(breaker.snapshot()).toEqual({ state: { state: 'closed', consecutiveFailures: 0 }, lastSuccessAt: time.now(), lastFailureAt: time.now() - 500 });
  });
});

describe('ServiceHealthBoard', () => {
  it('reports up, degraded, open and down from each breaker', () => {
    const time = clock();
    const board = new ServiceHealthBoard({ failureThreshold: 2, coolDownMs: 1000, recentFailureMs: 5000, now: time.now });
    expect(board.report('zone', 'anhui')).toEqual({ state: 'up', consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null });
    const breaker = board.breaker('zone', 'anhui');
    breaker.fail();
    expect(board.report('zone', 'anhui').state).toBe('degraded');
    breaker.fail();
    expect(board.report('zone', 'anhui').state).toBe('open');
    time.advance(1000);
    breaker.admit();
    expect(board.report('zone', 'anhui').state).toBe('degraded');
    breaker.fail();
    expect(board.report('zone', 'anhui').state).toBe('down');
    time.advance(1000);
    breaker.admit();
    breaker.succeed();
    expect(board.report('zone', 'anhui').state).toBe('degraded');
    time.advance(5000);
    expect(board.report('zone', 'anhui')).toMatchObject({ state: 'up', consecutiveFailures: 0 });
    expect(board.report('province', 'anhui').lastFailureAt).toBeNull();
  });

  it('forgets one breaker: the service starts closed, the others keep theirs', () => {
    const board = new ServiceHealthBoard({ failureThreshold: 1, coolDownMs: 1000, recentFailureMs: 5000 });
    board.breaker('zone', 'anhui').fail();
    board.breaker('zone', 'chengxi').fail();
    board.breaker('province', 'anhui').fail();
    board.forget('zone', 'anhui');
    expect(board.report('zone', 'anhui')).toEqual({ state: 'up', consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null });
    expect(board.breaker('zone', 'anhui').admit()).toEqual({ admitted: true, probe: false });
    expect(board.report('zone', 'chengxi').state).toBe('open');
    expect(board.report('province', 'anhui').state).toBe('open');
  });
});
