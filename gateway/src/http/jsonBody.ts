import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

export interface JsonBodyOptions {
  /** Largest body read, in bytes. */
  readonly limitBytes: number;
}

/** A body-parser error, as `jsonErrorHandler` reads them (`type`, `status`). */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type, expose: true });
}

/**
 * `express.json` for the GraphQL route, without its generic machinery in the common case: a
 * body of a known length within the limit, `application/json` in UTF-8 (or no charset), not
 * content-encoded, is read and parsed here (the same rules: only an object or an array, an
 * empty body is `{}`); anything else (chunked, compressed, another type) goes to `express.json`
 * itself. Errors are body-parser's (`entity.too.large`, `entity.parse.failed`…), so the same
 * error handler answers them.
 */
export function jsonBody({ limitBytes }: JsonBodyOptions): RequestHandler {
  const general = express.json({ limit: limitBytes });
  return (req, res, next) => {
    const length = plainJsonLength(req);
    if (length === undefined) {
      void general(req, res, next);
      return;
    }
    if (length > limitBytes) {
      next(bodyError(413, 'entity.too.large', 'request entity too large'));
      return;
    }
    // Called back from the request's `end` event rather than through a promise: one hop less before the operation runs.
    readBody(req, length, (error, text) => {
      if (error) {
        next(error);
        return;
      }
      try {
        req.body = parseStrict(text);
      } catch {
        next(bodyError(400, 'entity.parse.failed', 'the body is not valid JSON'));
        return;
      }
      next();
    });
  };
}

/** The declared length of a body this reader handles itself; undefined for anything `express.json` should see. */
function plainJsonLength(req: IncomingMessage): number | undefined {
  const { 'content-type': type, 'content-length': length, 'content-encoding': encoding, 'transfer-encoding': transfer } = req.headers;
  if (length === undefined || transfer !== undefined || (encoding !== undefined && encoding.toLowerCase() !== 'identity')) return undefined;
  if (type === undefined || !/^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type)) return undefined;
  const bytes = Number(length);
  return Number.isSafeInteger(bytes) && bytes >= 0 && String(bytes) === length.trim() ? bytes : undefined;
}

type BodyRead = (error: Error | undefined, text: string) => void;

/** Reads the whole body and calls `done` once, with its text or the body-parser error. */
function readBody(req: IncomingMessage, length: number, done: BodyRead): void {
  const chunks: Buffer[] = [];
  let received = 0;
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > length) {
      cleanUp();
      done(bodyError(400, 'request.size.invalid', 'request size did not match content length'), '');
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    cleanUp();
    if (received !== length) done(bodyError(400, 'request.size.invalid', 'request size did not match content length'), '');
    else done(undefined, chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
  };
  const onError = (error: Error) => {
    cleanUp();
    done(bodyError(400, 'request.aborted', error.message), '');
  };
  const cleanUp = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onError);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
}

/** body-parser's `strict` JSON: an object or an array (after a byte-order mark, if any); an empty body reads as `{}`. */
function parseStrict(text: string): unknown {
  const first = /[^\s\uFEFF]/.exec(text)?.[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new SyntaxError('not an object or an array');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
