import type { ServiceHealthReport, ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import { describeFailure } from '@devzone/shard-router';
import type { ServiceCheck } from '../datasources/ShardedZonesDataSource';
import type { GatewayLogger } from '../logger';
import { classifyServiceHealth } from './classifyServiceHealth';

export interface RegistryHealthCheckerOptions {
  /** The services to check: those registered when each round starts. */
  readonly registry: ZoneServiceRegistry;
  /** One cheap request to one service, signed like real traffic (`ShardedZonesDataSource.checkService`). */
  readonly check: (service: ZoneServiceEntry) => Promise<ServiceCheck>;
  /** Stores a report (`RegistryReader.recordHealth`). */
  readonly record: (report: ServiceHealthReport) => Promise<void>;
  readonly replicaId: string;
  /** Time between the end of one round and the start of the next, in milliseconds. */
  readonly intervalMs: number;
  /** An answer slower than this is `degraded`, in milliseconds (half the zone deadline). */
  readonly slowMs: number;
  readonly logger: GatewayLogger;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Checks every registered zone service once per interval and records what this replica
 * saw in the registry (`registry_health`), so the registry's status shows each service
 * as every gateway replica sees it. A report it cannot record is logged and dropped.
 */
export class RegistryHealthChecker {
  private readonly lastSeen = new Map<string, string>();
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private phase: 'idle' | 'running' | 'stopped' = 'idle';
  private recordFailing = false;

  constructor(private readonly options: RegistryHealthCheckerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs a first round at once, then one per interval until `stop`. */
  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'running';
    this.runRound();
  }

  async stop(): Promise<void> {
    this.phase = 'stopped';
    clearTimeout(this.timer);
    await this.round;
  }

  private runRound(): void {
    this.round = this.checkAll().finally(() => {
      if (this.phase !== 'running') return;
      this.timer = setTimeout(() => this.runRound(), this.options.intervalMs);
      this.timer.unref();
    });
  }

  private async checkAll(): Promise<void> {
    await Promise.all(this.options.registry.services().map((service) => this.checkOne(service)));
  }

  private async checkOne(service: ZoneServiceEntry): Promise<void> {
    const seen = await this.options
      .check(service)
      .catch((error: unknown): ServiceCheck => ({ status: 'failed', reason: describeFailure(error), elapsedMs: 0, breaker: 'closed' }));
    const checkedAt = this.now().toISOString();
    if (seen.status === 'answered') this.lastSeen.set(service.name, checkedAt);
    const { state, detail } = classifyServiceHealth(seen, this.options.slowMs);
    const report: ServiceHealthReport = {
      serviceName: service.name,
      replica: this.options.replicaId,
      state,
      lastSeen: this.lastSeen.get(service.name) ?? null,
      checkedAt,
      detail,
    };
    try {
      await this.options.record(report);
      if (this.recordFailing) this.options.logger.info('Registry: health reports are recorded again');
      this.recordFailing = false;
    } catch (error) {
      if (!this.recordFailing) this.options.logger.warn(`Registry: could not record the health of "${service.name}": ${describeFailure(error)}`);
      this.recordFailing = true;
    }
  }
}
