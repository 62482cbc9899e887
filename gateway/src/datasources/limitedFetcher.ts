import { deadlineSignal } from '@devzone/shard-router';
import type { Fetcher } from './types';

export class AnswerTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    detail: string,
  ) {
    super(`answered more than the ${maxBytes} bytes allowed (${detail})`);
    this.name = 'AnswerTooLargeError';
  }
}

/** HTTP statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Node's fetch, aborted when the enclosing `withDeadline` passes, whose answer body is
 * read as a stream and refused past `maxBytes` (the connection is aborted there, so a
 * huge answer is never held in memory). The body is counted after decompression.
 */
export function limitedFetcher(maxBytes: number): Fetcher {
  return async (url, init) => {
    const controller = new AbortController();
    const outer = deadlineSignal();
    const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
    const response = await fetch(url, { ...init, signal });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new AnswerTooLargeError(maxBytes, `it declared ${declared}`);
    }
    const body = await readAtMost(response, maxBytes, controller);
    return new Response(body.length === 0 && NULL_BODY_STATUSES.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

async function readAtMost(response: Response, maxBytes: number, controller: AbortController): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(maxBytes, `refused after ${total} bytes`);
    }
    chunks.push(value);
  }
}
