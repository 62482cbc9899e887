import { tracingSettingsFromEnv } from './tracingSettings';
import { markTracingStarted } from './tracingState';

export interface RunningTracing {
  readonly exporter: 'otlp' | 'console';
  readonly serviceName: string;
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

let running: RunningTracing | undefined;

/**
 * Starts OpenTelemetry tracing for this process when OTEL_TRACES_EXPORTER says so
 * (`otlp` or `console`), with the HTTP server, fetch (undici) and PostgreSQL
 * instrumentations; otherwise does nothing and loads nothing of the SDK. Call it
 * before the service's modules load where possible. Once started, later calls
 * return the same tracing.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): RunningTracing | undefined {
  if (running) return running;
  const settings = tracingSettingsFromEnv(env);
  if (settings.exporter === 'none') return undefined;
  // Required here, not imported: a service with tracing off never loads the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startNodeSdk } = require('./nodeSdk') as typeof import('./nodeSdk');
  running = startNodeSdk({ serviceName: settings.serviceName ?? serviceName, exporter: settings.exporter });
  markTracingStarted();
  return running;
}
