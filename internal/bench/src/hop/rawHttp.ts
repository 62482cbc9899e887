/**
 * The least HTTP/1.1 framing the hop suite's raw-socket forwarders need: messages whose body has a
 * `content-length` (what the load generator sends and the zone services answer). A measuring
 * instrument, not a server: no chunked bodies, no limits, no timeouts. Pure.
 */

/** One message taken off the front of a connection's buffer. */
export interface RawMessage {
  /** The start line and headers, without the blank line. */
  readonly head: string;
  readonly body: Buffer;
  /** What the buffer holds after this message (the next one's start, if any). */
  readonly rest: Buffer;
}

const HEAD_END = '\r\n\r\n';
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;

/**
 * The first whole message in `buffer`, or undefined while it is still incomplete. A message
 * without `content-length` has no body when `bodyless` allows it (a GET), else it is refused:
 * these forwarders cannot frame it.
 */
export function takeMessage(buffer: Buffer, bodyless: 'allowed' | 'refused'): RawMessage | undefined {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd < 0) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  const declared = CONTENT_LENGTH.exec(head);
  if (!declared && bodyless === 'refused')
    throw new Error(`a message without content-length (${head.split('\r\n', 1)[0]}): the raw-socket forwarders frame only those`);
  const length = declared ? Number(declared[1]) : 0;
  const bodyStart = headEnd + HEAD_END.length;
  if (buffer.length < bodyStart + length) return undefined;
  return { head, body: buffer.subarray(bodyStart, bodyStart + length), rest: buffer.subarray(bodyStart + length) };
}

/** The status code of a response's head (`HTTP/1.1 200 OK` → 200). */
export function statusOf(head: string): number {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!status) throw new Error(`not an HTTP/1.x status line: ${head.split('\r\n', 1)[0]}`);
  return Number(status[1]);
}

/** Appends `chunk` to what a connection holds (most messages arrive in one chunk: no copy then). */
export function appended(held: Buffer, chunk: Buffer): Buffer {
  return held.length === 0 ? chunk : Buffer.concat([held, chunk]);
}
