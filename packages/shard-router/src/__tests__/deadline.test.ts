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
