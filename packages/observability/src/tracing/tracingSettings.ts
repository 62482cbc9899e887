import { parseOrThrow } from '@devzone/errors';
import { z } from 'zod';

/** `none` (the default here: tracing is off unless asked for), `otlp` (OTLP over HTTP, JSON), `console` (standard output, for debugging). */
export type TracesExporter = 'none' | 'otlp' | 'console';

const tracingEnvSchema = z.object({
  OTEL_TRACES_EXPORTER: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(['none', 'otlp', 'console'], { message: 'must be otlp, console or none (one exporter)' }).default('none'),
  ),
  OTEL_SERVICE_NAME: z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : value), z.string().optional()),
});

export interface TracingSettings {
  readonly exporter: TracesExporter;
  /** OTEL_SERVICE_NAME, when set: it wins over the name the service gives itself. */
  readonly serviceName: string | undefined;
}

/**
 * The standard OTEL_TRACES_EXPORTER turns tracing on; unlike the OpenTelemetry default
 * (otlp), unset means off. The exporters read their own standard variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_TRACES_SAMPLER, OTEL_BSP_SCHEDULE_DELAY...).
 */
export function tracingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  const parsed = parseOrThrow(tracingEnvSchema, env, 'environment');
  return { exporter: parsed.OTEL_TRACES_EXPORTER, serviceName: parsed.OTEL_SERVICE_NAME };
}
