/** An answer refused while it streamed in: past the size limit (declared or counted), the connection aborted. */
export class AnswerTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    detail: string,
  ) {
    super(`answered more than the ${maxBytes} bytes allowed (${detail})`);
    this.name = 'AnswerTooLargeError';
  }
}

/** An answer in a `Content-Encoding` that was not asked for (the transport asks for `identity`): it is not decoded, so it could not be counted. */
export class UnaskedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`answered with Content-Encoding "${encoding}", not asked for`);
    this.name = 'UnaskedEncodingError';
  }
}

/**
 * The request did not get an answer: connection refused or reset, socket closed... The
 * message is the one Node's `fetch` gives ("fetch failed") and `cause` carries the
 * socket's error and its `code` (`ECONNREFUSED`, `UND_ERR_SOCKET`), so that callers
 * that read failures of either the same way (retry on a connection failure, one line
 * naming the cause) need not tell them apart.
 */
export class RequestFailedError extends Error {
  constructor(cause: unknown) {
    super('fetch failed', { cause });
    this.name = 'RequestFailedError';
  }
}
