import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { RunningTracing } from './startTracing';

/** Probes and scrapes: a span each would bury the requests that matter. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface NodeSdkSettings {
  readonly serviceName: string;
  readonly exporter: 'otlp' | 'console';
}

/**
 * The OpenTelemetry SDK for traces only: incoming HTTP requests (the server span whose
 * context a `traceparent` header continues), outgoing fetches (undici: Node's fetch,
 * which every service uses to call another, injects `traceparent`) and SQL statements
 * (node-postgres); fetches and statements only under a request's span.
 */
export function startNodeSdk({ serviceName, exporter }: NodeSdkSettings): RunningTracing {
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: exporter === 'otlp' ? new OTLPTraceExporter() : new tracing.ConsoleSpanExporter(),
    // Metrics are Prometheus' (/metrics) and logs pino's (standard output); the SDK would otherwise export both over OTLP.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(pathOf(request)) }),
      // Background fetches (health checks, registry probes) would each start a trace of their own.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // Requiring them again after the SDK's require hook is in place patches modules the service had already loaded
  // (the hook patches on the next require; the HTTP server's prototype is shared by every server).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:http');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:https');
  return { exporter, serviceName, shutdown: () => sdk.shutdown() };
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0] ?? '/';
}
