import type { BenchStack } from './benchStack';

/**
 * Keeps at most one stack running (memory, PostgreSQL connections) and hands
 * it to the next suite that asks for the same key, so that a 400-zone stack
 * is seeded once for both the throughput and the selection suites.
 */
export class StackCache {
  private current: { key: string; stack: BenchStack } | undefined;

  async use(key: string, start: () => Promise<BenchStack>): Promise<BenchStack> {
    if (this.current?.key === key) return this.current.stack;
    await this.stop();
    const stack = await start();
    this.current = { key, stack };
    return stack;
  }

  /** Puts the key already running first, so that it is measured before being replaced. */
  orderRunningFirst<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
    const running = items.filter((item) => keyOf(item) === this.current?.key);
    return [...running, ...items.filter((item) => keyOf(item) !== this.current?.key)];
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.stack.stop();
  }
}
