import type { Dispatcher } from 'undici';
import { onAbort } from '../abortListeners';
import { parseRawHeaders, type AnswerHeaders } from './answerHeaders';
import { AnswerTooLargeError, RequestFailedError, UnaskedEncodingError } from './errors';

/** One HTTP answer, read whole (within its size limit). */
export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: AnswerHeaders;
  readonly body: Buffer;
}

/**
 * undici's dispatch handler for one request: collects the answer's body as buffers
 * (no stream objects, no WHATWG layers) and refuses it past `maxBytes`, declared or
 * counted, by aborting the connection. `signal` aborts the request at any stage with
 * its reason. `answer` settles once, with the whole answer or the first failure.
 */
export class BoundedAnswer implements Dispatcher.DispatchHandlers {
  readonly answer: Promise<HttpAnswer>;
  private resolveAnswer!: (answer: HttpAnswer) => void;
  private rejectAnswer!: (error: Error) => void;
  private settled = false;
  private abortRequest: ((error: Error) => void) | undefined;
  private stopListening: (() => void) | undefined;
  /** Why the request was given up before undici handed over its abort function. */
  private abortedWith: Error | undefined;
  private status = 0;
  private statusText = '';
  private headers: AnswerHeaders = {};
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly signal?: AbortSignal,
  ) {
    this.answer = new Promise<HttpAnswer>((resolve, reject) => {
      this.resolveAnswer = resolve;
      this.rejectAnswer = reject;
    });
    if (!signal) return;
    if (signal.aborted) this.abortedWith = reasonOf(signal);
    else this.stopListening = onAbort(signal, this.onAbort);
  }

  onConnect(abort: (error?: Error) => void): void {
    if (this.abortedWith) abort(this.abortedWith);
    else this.abortRequest = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[], _resume: () => void, statusText: string): boolean {
    // 1xx: informational, the answer follows.
    if (status < 200) return true;
    this.status = status;
    this.statusText = statusText;
    this.headers = parseRawHeaders(rawHeaders);
    const declared = Number(this.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) return this.refuse(new AnswerTooLargeError(this.maxBytes, `it declared ${declared}`));
    const encoding = this.headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') return this.refuse(new UnaskedEncodingError(encoding));
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return this.refuse(new AnswerTooLargeError(this.maxBytes, `refused after ${this.bytes} bytes`));
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.bytes);
    this.settle(() => this.resolveAnswer({ status: this.status, statusText: this.statusText, headers: this.headers, body }));
  }

  onError(error: Error): void {
    // After our own abort (size, encoding, the signal) the reason given is the failure, whatever undici reports.
    const failure = this.abortedWith ?? new RequestFailedError(error);
    this.settle(() => this.rejectAnswer(failure));
  }

  private readonly onAbort = (): void => {
    const reason = reasonOf(this.signal!);
    this.abortedWith = reason;
    this.abortRequest?.(reason);
    // Still queued for a connection: undici aborts it once it would be sent (`onConnect`), the caller hears now.
    this.settle(() => this.rejectAnswer(reason));
  };

  /** Aborts the connection with `error` and settles with it; `false` tells undici to stop reading. */
  private refuse(error: Error): false {
    this.abortedWith = error;
    this.abortRequest?.(error);
    this.settle(() => this.rejectAnswer(error));
    return false;
  }

  private settle(done: () => void): void {
    if (this.settled) return;
    this.settled = true;
    this.stopListening?.();
    done();
  }
}

function reasonOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
}
