/**
 * Whether an error comes from the database or its driver, and whose fault it is:
 * `input` when PostgreSQL refused a value of the request (SQLSTATE class 22,
 * data exception: a NUL byte, an invalid UUID, a string too long), `unavailable`
 * when the database cannot be reached or failed (anything else it raised).
 */
export type DatabaseFailure = 'input' | 'unavailable';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const DRIVER_ERROR_NAMES = new Set(['QueryFailedError', 'ConnectionIsNotSetError', 'CannotExecuteNotConnectedError', 'DriverPackageNotInstalledError']);
const CONNECTION_MESSAGES =
  /Connection terminated|pool after calling end|timeout exceeded when trying to connect|connection error|Connection is not established|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection/i;
const SQLSTATE = /^[0-9A-Z]{5}$/;

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly severity?: unknown;
  readonly message?: unknown;
  readonly originalError?: unknown;
  readonly driverError?: unknown;
  readonly cause?: unknown;
}

const asErrorLike = (value: unknown): ErrorLike | null => (typeof value === 'object' && value !== null ? (value as ErrorLike) : null);

export function classifyDatabaseFailure(error: unknown, depth = 0): DatabaseFailure | null {
  const e = asErrorLike(error);
  if (!e || depth > 5) return null;
  if (typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string') return e.code.startsWith('22') ? 'input' : 'unavailable';
  for (const inner of [e.driverError, e.originalError, e.cause]) {
    const found = classifyDatabaseFailure(inner, depth + 1);
    if (found) return found;
  }
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return 'unavailable';
  if (typeof e.name === 'string' && DRIVER_ERROR_NAMES.has(e.name)) return 'unavailable';
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return 'unavailable';
  return null;
}
