import { MAX_ZONES_PER_VERSION_REQUEST, type DataVersionsAnswer } from './fetchDataVersions';

/** What a batch needs to know of a zone service: requests go to it by name and URL. */
export interface VersionedService {
  readonly name: string;
  readonly url: string;
}

/** Sends one version request (at most `MAX_ZONES_PER_VERSION_REQUEST` zones) to one service. */
export type SendVersionRequest<S extends VersionedService> = (service: S, zones: readonly string[]) => Promise<DataVersionsAnswer>;

/** Runs `flush` once the reads of this turn of the event loop have joined. */
export type ScheduleFlush = (flush: () => void) => void;

interface OpenBatch<S extends VersionedService> {
  readonly service: S;
  readonly zones: Set<string>;
  readonly answer: Promise<DataVersionsAnswer>;
  settle(answer: DataVersionsAnswer): void;
}

/** A service's batches: the one gathering reads, and whether a request is on its way. */
interface ServiceBatches<S extends VersionedService> {
  gathering: OpenBatch<S> | undefined;
  sending: boolean;
}

/**
 * Batches the version requests of concurrent reads: at most one request per service on its
 * way. The reads of one turn of the event loop share a request; reads that start while one is
 * on its way gather into the next, sent once it settles, so under load a request answers many
 * reads instead of a few. A batch stops taking reads BEFORE it is sent, so a read always gets
 * versions read after it started: it never joins a request sent earlier, which could have
 * missed a write that completed in between.
 */
export class VersionBatcher<S extends VersionedService> {
  private readonly services = new Map<string, ServiceBatches<S>>();

  constructor(
    private readonly send: SendVersionRequest<S>,
    private readonly schedule: ScheduleFlush = (flush) => setImmediate(flush),
  ) {}

  /** The versions of `zones` (and of whatever else the batch asks) as the service answers them after this call. */
  versionsOf(service: S, zones: Iterable<string>): Promise<DataVersionsAnswer> {
    const id = `${service.name}\n${service.url}`;
    let batches = this.services.get(id);
    if (!batches) {
      batches = { gathering: undefined, sending: false };
      this.services.set(id, batches);
    }
    const joined = batches.gathering;
    const batch = joined ?? openBatch(service);
    for (const zone of zones) batch.zones.add(zone);
    if (!joined) {
      batches.gathering = batch;
      if (!batches.sending) this.scheduleSend(id, batches);
    }
    return batch.answer;
  }

  /** Sends the gathered batch on the next turn, then the one gathered meanwhile once it settles. */
  private scheduleSend(id: string, batches: ServiceBatches<S>): void {
    batches.sending = true;
    this.schedule(() => {
      const batch = batches.gathering;
      batches.gathering = undefined;
      if (!batch) {
        batches.sending = false;
        this.services.delete(id);
        return;
      }
      void this.sendBatch(batch).then(() => {
        if (batches.gathering) this.scheduleSend(id, batches);
        else {
          batches.sending = false;
          this.services.delete(id);
        }
      });
    });
  }

  private async sendBatch(batch: OpenBatch<S>): Promise<void> {
    const zones = [...batch.zones];
    const chunks: string[][] = [];
    for (let start = 0; start < zones.length; start += MAX_ZONES_PER_VERSION_REQUEST) chunks.push(zones.slice(start, start + MAX_ZONES_PER_VERSION_REQUEST));
    try {
      const answers = await Promise.all(chunks.map((chunk) => this.send(batch.service, chunk)));
      const failed = answers.find((answer) => answer.status === 'failed');
      if (failed) batch.settle(failed);
      else batch.settle({ status: 'answered', versions: new Map(answers.flatMap((answer) => (answer.status === 'answered' ? [...answer.versions] : []))) });
    } catch (error) {
      batch.settle({ status: 'failed', reason: 'error', detail: error instanceof Error ? error.message : String(error) });
    }
  }
}

function openBatch<S extends VersionedService>(service: S): OpenBatch<S> {
  let settle: (answer: DataVersionsAnswer) => void = () => undefined;
  const answer = new Promise<DataVersionsAnswer>((resolve) => {
    settle = resolve;
  });
  return { service, zones: new Set(), answer, settle };
}
