import { ERRORS, isRegisteredCode } from '@devzone/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { currentRequestId } from '../http/requestId';

export interface FormatGatewayErrorOptions {
  /** Where the full detail of an unexpected error goes, with the request id. */
  readonly log: Logger;
  /**
   * Answer errors as they are, stack traces included (`DEVZONE_DEBUG_ERRORS=1`).
   * @default false
   */
  readonly debug?: boolean;
}

/**
 * Client mistakes Apollo Server reports without a code of their own (HTTP 400, and
 * INTERNAL_SERVER_ERROR by default): given the registry's code here so they are not
 * mistaken for unexpected errors.
 */
const UNCODED_CLIENT_MISTAKES: Readonly<Record<string, string>> = {
  'provided sha does not match query': ERRORS.BAD_REQUEST.code,
};

/** Extensions that carry internals: stack traces, the subgraph's URL and raw answer. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'response', 'http'];

/**
 * Apollo's `formatError` for the gateway. Every error leaves with a code of the one
 * registry and `extensions.requestId`. An error whose code is not ours, or is
 * INTERNAL_SERVER_ERROR, is unexpected: logged in full, answered as "Internal server
 * error". Our errors keep their message, with addresses and file paths redacted.
 */
export function formatGatewayError({
  log,
  debug = false,
}: FormatGatewayErrorOptions): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const requestId = currentRequestId();
    const code = UNCODED_CLIENT_MISTAKES[formatted.message] ?? formatted.extensions?.code;
    if (debug) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    const expected = isRegisteredCode(code) && code !== ERRORS.INTERNAL_SERVER_ERROR.code;
    if (!expected) {
      log.error({ requestId, code, message: formatted.message, path: formatted.path, extensions: formatted.extensions, err: error }, 'unexpected error');
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code, requestId },
      };
    }
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
    return { ...formatted, message: redactInternals(formatted.message), extensions: { ...extensions, code, requestId } };
  };
}

/** Removes what a message must never show a client: stack frames, URLs, addresses with ports, file paths. */
export function redactInternals(message: string): string {
  return message
    .replace(/\n\s+at [\s\S]*$/, '')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi, '[address]')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, '[address]')
    .replace(/\[[0-9a-f:]*:[0-9a-f:]*\](?::\d{1,5})?/gi, '[address]')
    .replace(/\b(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b/gi, '[address]')
    .replace(/(?<![\w./\\])(?:[A-Za-z]:)?(?:[\\/][A-Za-z_.@-][\w.@-]*){2,}[\\/]?/g, '[path]');
}
