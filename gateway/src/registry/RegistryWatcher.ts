import type { RegistryReader } from '@devzone/registry';
import { describeFailure } from '@devzone/shard-router';
import type { GatewayLogger } from '../logger';

/** `RegistryReader.listen`, which may also report losing its connection (`PgRegistryReader` does). */
type ListenReportingLoss = (onVersion: (version: number) => void, options?: { readonly onError?: (error: Error) => void }) => Promise<() => Promise<void>>;

export interface RegistryWatcherOptions {
  readonly reader: RegistryReader;
  /** How often the registry is read, and listening tried again, while not listening, in milliseconds. */
  readonly pollIntervalMs: number;
  /**
   * Reads the registry and applies a newer state. Called with the version a NOTIFY
   * announced, on every poll while not listening, and once each time listening
   * (re)starts, since states accepted while not listening were announced to no one.
   */
  readonly check: (announced?: number) => Promise<void>;
  readonly logger: GatewayLogger;
}

type WatcherState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'listening'; readonly stop: () => Promise<void> }
  /** `reported`: the log already says the registry is being polled. */
  | { readonly phase: 'polling'; readonly reported: boolean }
  | { readonly phase: 'stopped' };

/**
 * Tells the manager when a newer registry state may exist: NOTIFY while the LISTEN
 * connection holds; while it does not, a read every poll interval and a new attempt
 * to listen at the same pace, so listening resumes once the database is back.
 */
export class RegistryWatcher {
  private state: WatcherState = { phase: 'idle' };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly listen: ListenReportingLoss;

  constructor(private readonly options: RegistryWatcherOptions) {
    this.listen = options.reader.listen.bind(options.reader);
  }

  get mode(): 'notify' | 'polling' {
    return this.state.phase === 'listening' ? 'notify' : 'polling';
  }

  /** Tries to listen at once, then keeps watching until `stop`. */
  start(): void {
    if (this.state.phase !== 'idle') return;
    this.state = { phase: 'polling', reported: false };
    this.runTick();
  }

  async stop(): Promise<void> {
    const state = this.state;
    this.state = { phase: 'stopped' };
    clearTimeout(this.timer);
    await this.running;
    if (state.phase === 'listening') await state.stop().catch(() => undefined);
  }

  private runTick(): void {
    this.running = this.tick().finally(() => {
      if (this.state.phase === 'stopped') return;
      this.timer = setTimeout(() => this.runTick(), this.options.pollIntervalMs);
      this.timer.unref();
    });
  }

  private async tick(): Promise<void> {
    if (this.state.phase !== 'polling') return;
    const { reported } = this.state;
    try {
      const stop = await this.listen((version) => void this.check(version), { onError: (error) => this.lost(error) });
      if (this.state.phase !== 'polling') {
        await stop();
        return;
      }
      this.state = { phase: 'listening', stop };
      if (reported) this.options.logger.info('Registry: listening for new states again (NOTIFY)');
    } catch (error) {
      if (!reported && this.state.phase === 'polling') {
        this.options.logger.warn(
          `Registry: cannot LISTEN for new states (${describeFailure(error)}); reading the registry every ${this.options.pollIntervalMs} ms`,
        );
        this.state = { phase: 'polling', reported: true };
      }
    }
    await this.check();
  }

  private lost(error: Error): void {
    if (this.state.phase !== 'listening') return;
    this.state = { phase: 'polling', reported: true };
    this.options.logger.warn(
      `Registry: lost the LISTEN connection (${describeFailure(error)}); reading the registry every ${this.options.pollIntervalMs} ms until it is back`,
    );
  }

  private check(announced?: number): Promise<void> {
    // The manager logs what it could not read or apply; watching goes on.
    return this.options.check(announced).catch(() => undefined);
  }
}
