import { exchange, type Exchange } from './exchange';
import type { Reading } from './readings';

export interface LoadOptions {
  readonly url: string;
  readonly authorization: string;
  readonly clients: number;
  /** Sent in turn, each client starting at its own offset. */
  readonly readings: readonly Reading[];
}

export interface ReadExchange extends Exchange {
  readonly reading: Reading;
}

/** A bounded load: `clients` loops, each sending one reading after the other until stopped. */
export class Load {
  private running = true;
  private readonly exchanges: ReadExchange[] = [];
  private readonly loops: Promise<void>[];

  constructor(private readonly options: LoadOptions) {
    this.loops = Array.from({ length: options.clients }, (_, client) => this.loop(client));
  }

  /** Stops sending, waits for the requests in flight, and returns every exchange in the order they started. */
  async stop(): Promise<ReadExchange[]> {
    this.running = false;
    await Promise.all(this.loops);
    return [...this.exchanges].sort((a, b) => a.startedAt - b.startedAt);
  }

  private async loop(client: number): Promise<void> {
    const { url, authorization, readings } = this.options;
    for (let turn = client; this.running; turn += this.options.clients) {
      const reading = readings[turn % readings.length]!;
      const answer = await exchange(url, authorization, reading.label, reading.query, reading.variables);
      this.exchanges.push({ ...answer, reading });
    }
  }
}
