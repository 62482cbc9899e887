import { parseOrThrow } from '@devzone/errors';
import { pino, type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';
import { activeTraceIds } from '../tracing/activeTraceIds';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const logEnvSchema = z.object({
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});

/** LOG_LEVEL (default `info`); a ValidationError names it when it is not a level. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return parseOrThrow(logEnvSchema, env, 'environment').LOG_LEVEL;
}

export interface CreateLoggerOptions {
  /** @default LOG_LEVEL */
  readonly level?: LogLevel;
  /** @default standard output */
  readonly destination?: DestinationStream;
}

/**
 * A JSON-lines logger named `name` (pino): ISO time, the level as a word, and `trace_id`
 * and `span_id` when tracing is on. Lines of one request carry its `requestId` when they
 * are written through a child bound to it (`requestLog`, or `child({ requestId })`), so
 * one request's lines can be found across services.
 */
export function createLogger(name: string, { level = logLevelFromEnv(), destination }: CreateLoggerOptions = {}): Logger {
  const options = {
    name,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: activeTraceIds,
  };
  return destination ? pino(options, destination) : pino(options);
}
