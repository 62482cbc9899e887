import { z } from 'zod';
import { parseOrThrow } from '@devzone/errors';

/**
 * The rules every service applies to its environment, so that the same variable
 * means the same thing everywhere: a blank value is unset (and takes the
 * default), ports are 0-65535 (0: a free one), services bind to 127.0.0.1
 * unless told otherwise, deadlines are bounded.
 */
export const blankAsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A TCP port a service listens on; 0 picks a free one. */
export const envPort = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(fallback));

/** A TCP port that must be fixed (a database server's, or one others are derived from). */
export const envFixedPort = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).default(fallback));

/** A TCP port a service listens on, or unset for a caller-computed default; 0 picks a free one. */
export const envOptionalListenPort = z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).optional());

/** A fixed port (a database server's) that may be left unset for a caller-computed default. */
export const envOptionalPort = z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).optional());

/** The interface to bind to. Loopback by default: exposing a service is a deliberate choice (docker-compose sets 0.0.0.0). */
export const envHost = z.preprocess(blankAsUnset, z.string().min(1).default('127.0.0.1'));

export const POSTGRES_URL_MESSAGE = 'must be a postgres:// URL';

/** An external PostgreSQL; unset means the embedded server. */
export const envPostgresUrl = z.preprocess(
  blankAsUnset,
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, POSTGRES_URL_MESSAGE)
    .optional(),
);

/** A deadline in milliseconds, 100 ms to 2 minutes. */
export const envTimeoutMs = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(100).max(120_000).default(fallback));

const httpUrl = z.url({ protocol: /^https?$/ });

/** An http(s) URL; required unless a fallback is given. */
export const envUrl = (fallback?: string) => z.preprocess(blankAsUnset, fallback === undefined ? httpUrl : httpUrl.default(fallback));

/** A path or name that may be left unset. */
export const envOptionalString = z.preprocess(blankAsUnset, z.string().min(1).optional());

/** Parses the environment with a schema built from these rules; a ValidationError names each bad variable. */
export function parseEnvironment<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  return parseOrThrow(schema, env, 'environment');
}
