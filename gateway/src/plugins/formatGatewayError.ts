import type { ApolloServerPlugin } from '@apollo/server';
import { ERRORS, isRegisteredCode } from '@devzone/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

export interface FormatGatewayErrorOptions {
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

function codeOf(message: string, extensions: GraphQLFormattedError['extensions']): unknown {
  return UNCODED_CLIENT_MISTAKES[message] ?? extensions?.code;
}

/** An error whose code is not ours, or is INTERNAL_SERVER_ERROR: its detail is for the log, not the client. */
function isUnexpected(code: unknown): boolean {
  return !isRegisteredCode(code) || code === ERRORS.INTERNAL_SERVER_ERROR.code;
}

/**
 * Apollo's `formatError` for the gateway. Every error leaves with a code of the one
 * registry. An unexpected error is answered as "Internal server error" (its detail is
 * logged by `gatewayErrorsPlugin`); our errors keep their message, with addresses and
 * file paths redacted.
 */
export function formatGatewayError({ debug = false }: FormatGatewayErrorOptions = {}): (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError {
  return (formatted) => {
    if (debug) return formatted;
    const code = codeOf(formatted.message, formatted.extensions);
    if (isUnexpected(code)) {
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code },
      };
    }
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
    return { ...formatted, message: redactInternals(formatted.message), extensions: { ...extensions, code } };
  };
}

/** The context the plugin reads: the request's id. */
interface RequestIdContext {
  readonly requestId: string;
}

/**
 * Ties a request's errors to its id, which `formatError` cannot know: every error answered
 * gets `extensions.requestId`, and each unexpected error is logged in full to `log` with it.
 */
export function gatewayErrorsPlugin<TContext extends RequestIdContext>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ contextValue, errors }) => {
        for (const error of errors) logUnexpected(log, contextValue.requestId, error);
      },
      willSendResponse: async ({ contextValue, response }) => {
        const { body } = response;
        const result = body.kind === 'single' ? body.singleResult : body.initialResult;
        if (result.errors) result.errors = result.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }));
      },
    }),
  };
}

function logUnexpected(log: Logger, requestId: string, error: GraphQLError): void {
  const code = codeOf(error.message, error.extensions);
  if (!isUnexpected(code)) return;
  log.error({ requestId, code, message: error.message, path: error.path, extensions: error.extensions, err: error.originalError ?? error }, 'unexpected error');
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
