/** What the gateway logs through; Apollo's `Logger`, `console` and pino's `Logger` all satisfy it. */
export interface GatewayLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A logger whose lines carry `bindings` (pino's); absent where lines cannot carry fields. */
  child?(bindings: Record<string, string>): GatewayLogger;
}

/** `logger` with the request's id on its lines, where it can carry one (pino's `child`); `logger` itself otherwise. */
export function requestLogger(logger: GatewayLogger, requestId: unknown): GatewayLogger {
  return typeof requestId === 'string' && logger.child ? logger.child({ requestId }) : logger;
}

/** Logs info and above to the console. */
export const consoleLogger: GatewayLogger = {
  debug: () => undefined,
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

/** Logs nothing. */
export const silentLogger: GatewayLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
