import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER } from '@devzone/observability';
import type { Response } from 'express';

export { REQUEST_ID_HEADER };

/**
 * The id `observeHttpRequests` gave this request (a well-formed incoming `x-request-id`, else a new
 * UUID), as answered in its `x-request-id` header.
 */
export function requestIdOf(res: Response): string {
  const answered = res.getHeader(REQUEST_ID_HEADER);
  return typeof answered === 'string' ? answered : randomUUID();
}
