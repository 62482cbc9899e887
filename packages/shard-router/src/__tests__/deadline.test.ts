import { onAbort } from '../abortListeners';
import { DeadlineExceededError, withDeadline } from '../deadline';

describe('withDeadline', () => {
  it("answers the call's value and leaves its signal unaborted", async () => {
    let seen: AbortSignal | undefined;
    const value = await withDeadline(1000, async (signal) => {
      seen = signal;
      return 42;
    });
    expect(value).toBe(42);
    expect(seen?.aborted).toBe(false);
  });

  it('rejects on time when the call ignores its signal, and aborts the signal with the same error', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const outcome = withDeadline(
      50,
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      'the request deadline',
    );
    await expect(outcome).rejects.toThrow(new DeadlineExceededError(50, 'the request deadline'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('keeps the signals of calls running side by side apart', async () => {
    const signals: AbortSignal[] = [];
    const slow = withDeadline(30, (signal) => {
      signals.push(signal);
      return new Promise<never>(() => undefined);
    });
    const fast = withDeadline(1000, async (signal) => {
      signals.push(signal);
      await new Promise((resolve) => setTimeout(resolve, 80));
      return signal.aborted;
    });
    await expect(slow).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(fast).resolves.toBe(false);
    expect(signals[0]).not.toBe(signals[1]);
  });
});

describe('withDeadline, when the call fails', () => {
  it('rejects with what the call threw, synchronously or not, and clears its timer', async () => {
    const timers = jest.spyOn(global, 'clearTimeout');
    try {
      const thrown = new Error('refused before sending');
      await expect(
        withDeadline(1000, () => {
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      const rejected = new Error('connection reset');
      await expect(withDeadline(1000, () => Promise.reject(rejected))).rejects.toBe(rejected);
      expect(timers).toHaveBeenCalledTimes(2);
    } finally {
      timers.mockRestore();
    }
  });
});

describe('withDeadline, reusing signals', () => {
  const signalOf = async (work: (signal: AbortSignal) => void | Promise<void> = () => undefined): Promise<AbortSignal> => {
    let seen: AbortSignal | undefined;
    await withDeadline(1000, async (signal) => {
      seen = signal;
      await work(signal);
    }).catch(() => undefined);
    return seen!;
  };

  it('hands the signal of a call that settled, unaborted and unlistened, to the next call', async () => {
    const first = await signalOf();
    const second = await signalOf((signal) => {
      const stop = onAbort(signal, () => undefined);
      stop();
    });
    expect(second).toBe(first);
    // A call that failed gives its signal back too.
    const third = await signalOf(() => Promise.reject(new Error('refused')));
    expect(third).toBe(first);
    expect(first.aborted).toBe(false);
  });

  it('never hands out again a signal its deadline aborted, nor one still listened to', async () => {
    let timedOut: AbortSignal | undefined;
    await withDeadline(10, (signal) => {
      timedOut = signal;
      return new Promise<never>(() => undefined);
    }).catch(() => undefined);
    const afterTimeout = await signalOf();
    expect(afterTimeout).not.toBe(timedOut);
    expect(timedOut?.aborted).toBe(true);

    const listened = await signalOf((signal) => void onAbort(signal, () => undefined));
    expect(await signalOf()).not.toBe(listened);
    const heard = jest.fn();
    const listenedNatively = await signalOf((signal) => signal.addEventListener('abort', heard));
    const next = await signalOf();
    expect(next).not.toBe(listenedNatively);
    // The listener left behind hears nothing of the calls after it.
    await withDeadline(10, () => new Promise<never>(() => undefined)).catch(() => undefined);
    expect(heard).not.toHaveBeenCalled();
  });
});
