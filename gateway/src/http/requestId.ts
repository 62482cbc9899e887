import { randomUUID } from 'node:crypto';
import { currentRequestScope, REQUEST_ID_HEADER } from '@devzone/observability';
import type { Response } from 'express';

export { REQUEST_ID_HEADER };

/** The id of the request being handled (undefined outside one): the request scope's, one async store for every signal. */
export function currentRequestId(): string | undefined {
  return currentRequestScope()?.requestId;
}

/**
 * The id `observeHttpRequests` gave this request (a well-formed incoming `x-request-id`, else a new
 * UUID), as answered in its `x-request-id` header.
 */
export function requestIdOf(res: Response): string {
  const answered = res.getHeader(REQUEST_ID_HEADER);
  return typeof answered === 'string' ? answered : (currentRequestId() ?? randomUUID());
}
