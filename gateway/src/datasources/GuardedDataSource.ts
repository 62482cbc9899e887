import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { guardedCall, serviceUnavailableError, type CallObserver, type Resilience } from '@devzone/shard-router';
import type { GatewayContext } from '../context';
import { requestLogger, silentLogger, type GatewayLogger } from '../logger';
import { fetchBudget } from './fetchBudget';
import { isReadFetch } from './isReadFetch';
import { observedCalls } from './observedCalls';
import type { AbortableDataSource, DataSourceResponse } from './types';

export interface GuardedDataSourceOptions {
  /** Subgraph name, e.g. `province`: names the breaker and the errors. */
  readonly name: string;
  readonly inner: AbortableDataSource;
  readonly resilience: Resilience;
  /** Deadline of one fetch, in milliseconds. */
  readonly timeoutMs: number;
  /** Where a failed fetch is logged, with the request's id. @default silentLogger */
  readonly logger?: GatewayLogger;
  /** Each fetch's span and fetch metrics. @default spans only (`observedCalls()`) */
  readonly observer?: CallObserver;
}

/**
 * The data source of a subgraph served by one service (the province): every fetch
 * has a deadline within the request's, goes through the service's circuit breaker and
 * is retried once if it only reads. A failure is answered as a `ZONE_UNAVAILABLE`
 * error naming the service, never a hang.
 */
export class GuardedDataSource implements GraphQLDataSource {
  private readonly logger: GatewayLogger;
  private readonly observer: CallObserver;

  constructor(private readonly options: GuardedDataSourceOptions) {
    this.logger = options.logger ?? silentLogger;
    this.observer = options.observer ?? observedCalls();
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> {
    const { name, inner, resilience, timeoutMs } = this.options;
    const outcome = await guardedCall({
      kind: 'province',
      name,
      breaker: resilience.health.breaker('province', name),
      budget: fetchBudget(resilience, options),
      timeoutMs,
      retryJitterMs: isReadFetch(options) ? resilience.settings.retryMaxJitterMs : null,
      send: (signal) => inner.process(options, signal),
      check: (response) => ({ status: 'answered', value: response }),
      observer: this.observer,
    });
    if (outcome.status === 'answered') return outcome.value;
    requestLogger(this.logger, (options.context as Partial<GatewayContext>).requestId).warn(`Service "${name}" failed: ${outcome.reason}`);
    const { breaker, serviceCodes } = outcome;
    return { errors: [serviceUnavailableError(name, outcome.reason, { breaker, serviceCodes })] };
  }
}
