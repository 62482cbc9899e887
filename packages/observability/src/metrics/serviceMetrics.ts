import { Registry } from 'prom-client';
import { GraphQLErrorMetrics } from './graphqlErrorMetrics';
import { HttpServerMetrics } from './httpServerMetrics';
import { processMetricsRegistry } from './processMetrics';

export interface ServiceMetricsOptions {
  /**
   * Distinct operation names kept as labels; later new ones count as `_OTHER`.
   * @default 200
   */
  readonly maxOperationNames?: number;
}

/**
 * The metrics of one served GraphQL service (the gateway, the province, a zone
 * service): a registry of its own, so that services sharing a process (`npm start`,
 * the tests) each answer their own `/metrics`, plus the process's Node metrics.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpServer: HttpServerMetrics;
  readonly graphqlErrors: GraphQLErrorMetrics;

  constructor({ maxOperationNames = 200 }: ServiceMetricsOptions = {}) {
    this.httpServer = new HttpServerMetrics(this.registry, maxOperationNames);
    this.graphqlErrors = new GraphQLErrorMetrics(this.registry);
  }

  /** The Prometheus text format (0.0.4) a scrape is answered with: this service's metrics, then the process's. */
  async exposition(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetricsRegistry().metrics()]);
    return `${own}\n${process}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

export function createServiceMetrics(options: ServiceMetricsOptions = {}): ServiceMetrics {
  return new ServiceMetrics(options);
}
