import { exchange, type Exchange } from './exchange';

const SAVE = `mutation Save($title: String!) {
  saveSelectionRun(title: $title, input: { preset: "party_building_quality", robustness: { seed: 7 } }) { id title }
}`;

export interface Attempt {
  readonly title: string;
  /** The id of an acknowledged write; undefined when the mutation failed. */
  readonly id: string | undefined;
  readonly exchange: Exchange;
}

/** Saves selection runs one after the other while running, each with a title of its own, and remembers what was acknowledged. */
export class SelectionWriter {
  private readonly attempts: Attempt[] = [];
  private loop: Promise<void> | undefined;
  private running = false;
  private counter = 0;
  private phaseStart = 0;

  constructor(
    private readonly url: string,
    private readonly authorization: string,
    /** Every title starts with it, so the runs of this writer can be told from any other. */
    readonly titlePrefix: string,
  ) {}

  start(phase: string): void {
    this.running = true;
    this.phaseStart = this.attempts.length;
    this.loop = (async () => {
      while (this.running) {
        const title = `${this.titlePrefix} ${phase} #${++this.counter}`;
        const sent = await exchange(this.url, this.authorization, 'saveSelectionRun', SAVE, { title });
        const saved = (sent.body.data as { saveSelectionRun?: { id: string; title: string } | null } | null | undefined)?.saveSelectionRun;
        this.attempts.push({ title, id: saved && saved.title === title ? saved.id : undefined, exchange: sent });
      }
    })();
  }

  /** Stops after the write in flight; returns the attempts of this phase. */
  async stop(): Promise<Attempt[]> {
    this.running = false;
    await this.loop;
    return this.attempts.slice(this.phaseStart);
  }

  /** Every attempt so far. */
  all(): readonly Attempt[] {
    return this.attempts;
  }
}
