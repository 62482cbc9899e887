import { Histogram, type Registry } from 'prom-client';
import { BoundedLabelValues, OTHER_LABEL_VALUE } from './boundedLabelValues';

/** The OpenTelemetry HTTP conventions' advised buckets for `http.server.request.duration`, in seconds. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** Methods the conventions name; any other is `_OTHER`, so a client cannot invent series. */
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

export interface HttpRequestObservation {
  readonly method: string;
  /** One of the server's known routes, or `other`. */
  readonly route: string;
  readonly statusCode: number;
  /** The GraphQL operation the request ran; undefined for anonymous operations and other routes. */
  readonly operationName: string | undefined;
  readonly seconds: number;
}

type HttpLabel = 'http_request_method' | 'http_response_status_code' | 'http_route' | 'graphql_operation_name';

/** `http_server_request_duration_seconds`: what Apollo Router reports as `http.server.request.duration`. */
export class HttpServerMetrics {
  private readonly duration: Histogram<HttpLabel>;
  private readonly operationNames: BoundedLabelValues;

  constructor(registry: Registry, maxOperationNames: number) {
    this.operationNames = new BoundedLabelValues(maxOperationNames);
    this.duration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP server requests, from the first byte read to the last byte written.',
      labelNames: ['http_request_method', 'http_response_status_code', 'http_route', 'graphql_operation_name'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
  }

  observe({ method, route, statusCode, operationName, seconds }: HttpRequestObservation): void {
    const upper = method.toUpperCase();
    this.duration.observe(
      {
        http_request_method: KNOWN_METHODS.has(upper) ? upper : OTHER_LABEL_VALUE,
        http_response_status_code: String(statusCode),
        http_route: route,
        graphql_operation_name: operationName ? this.operationNames.valueOf(operationName) : '',
      },
      seconds,
    );
  }
}
