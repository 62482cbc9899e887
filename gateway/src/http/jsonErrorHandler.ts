import { ERRORS } from '@devzone/errors';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendGraphQLError } from './graphqlErrorResponse';
import { requestIdOf } from './requestId';

export interface JsonErrorHandlerOptions {
  readonly log: Logger;
  /** The body size limit, as told to clients (main.ts derives it from its body limit). */
  readonly bodyLimitLabel: string;
}

interface HttpError {
  readonly status?: unknown;
  readonly type?: unknown;
}

/**
 * The last express handler: what fails before GraphQL (malformed JSON, an oversized
 * or wrongly encoded body) gets a JSON GraphQL error with a code and the request id,
 * never express's HTML page with a stack. Anything else is logged and masked.
 */
export function jsonErrorHandler({ log, bodyLimitLabel }: JsonErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, type } = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
    const code = ERRORS.BAD_REQUEST.code;
    if (type === 'entity.parse.failed') sendGraphQLError(res, 400, code, 'The request body is not valid JSON.');
    else if (type === 'entity.too.large') sendGraphQLError(res, 413, code, `The request body is larger than ${bodyLimitLabel}.`);
    else if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      sendGraphQLError(res, 415, code, 'The request body has an unsupported encoding or charset.');
    else if (typeof status === 'number' && status >= 400 && status < 500) sendGraphQLError(res, status, code, 'The request could not be read.');
    else {
      log.error({ requestId: requestIdOf(res), method: req.method, path: req.path, err: error }, 'unexpected error outside GraphQL');
      sendGraphQLError(res, 500, ERRORS.INTERNAL_SERVER_ERROR.code, 'Internal server error');
    }
  };
}
