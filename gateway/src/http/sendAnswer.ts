import type { ServerResponse } from 'node:http';
import type { AnswerHead } from '../answerCache/AnswerCache';

/**
 * Sends a whole answer whose head was learned from Apollo Server: the status, its headers and
 * `content-length`, then the body, in one write. Express's `res.send` would re-derive the content
 * type and copy the body into a buffer first; the learned head already says what it is. Headers
 * set before (`x-request-id`) are kept, and `compression` still sees the `end` it wraps.
 */
export function sendAnswer(res: ServerResponse, head: AnswerHead, body: string): void {
  res.statusCode = head.status;
  for (const [name, value] of head.headers) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
