/** What the gateway logs through; Apollo's `Logger` and `console` both satisfy it. */
export interface GatewayLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
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
