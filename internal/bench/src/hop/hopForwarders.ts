import { createServer as createHttpServer, STATUS_CODES, type Server as HttpServer } from 'node:http';
import { connect, createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { SigningKeys } from '@devzone/auth';
import { Pool, type Dispatcher } from 'undici';
import { benchSignedHeaders } from '../sideBySide/httpClient';
import { appended, statusOf, takeMessage } from './rawHttp';

/** How a forwarder takes its client's request: Node's HTTP server, or a socket it frames itself. */
export const FRONT_KINDS = ['node-http', 'raw-socket'] as const;
export type FrontKind = (typeof FRONT_KINDS)[number];
/** How it asks the zone service: an undici pool's `dispatch` (this gateway's client), or one socket it frames itself. */
export const BACK_KINDS = ['undici', 'raw-socket'] as const;
export type BackKind = (typeof BACK_KINDS)[number];

/** The zone service's answer, as bytes: these forwarders never parse it. */
export interface ForwardedAnswer {
  readonly status: number;
  readonly body: Buffer;
}

export interface Back {
  /** Signs `body` for the bench principal and posts it; resolves with the answer's status and bytes. */
  send(body: string): Promise<ForwardedAnswer>;
  close(): Promise<void>;
}

/** Headers every forwarder sends: the bench's principal, signed over the exact body. */
function signedHeaders(keys: SigningKeys, body: string): Record<string, string> {
  return { 'content-type': 'application/json', ...benchSignedHeaders(keys, body) };
}

/** Asks `zoneUrl` through an undici pool's `dispatch`, collecting the answer's chunks (as this gateway's client does). */
function undiciBack(zoneUrl: URL, keys: SigningKeys): Back {
  const pool = new Pool(zoneUrl.origin, { connections: 128 });
  const path = `${zoneUrl.pathname}${zoneUrl.search}`;
  return {
    send: (body) =>
      new Promise((resolve, reject) => {
        let status = 0;
        const chunks: Buffer[] = [];
        const handler: Dispatcher.DispatchHandlers = {
          onConnect: () => undefined,
          onHeaders: (code) => ((status = code), true),
          onData: (chunk) => (chunks.push(chunk), true),
          onComplete: () => resolve({ status, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
          onError: reject,
        };
        pool.dispatch({ path, method: 'POST', body, headers: signedHeaders(keys, body) }, handler);
      }),
    close: () => pool.close(),
  };
}

/**
 * Asks `zoneUrl` over one kept-alive socket it frames itself, requests written as they come and
 * answers matched to them in order (HTTP/1.1 pipelining); a closed socket fails what waits and the next request opens another.
 */
function rawSocketBack(zoneUrl: URL, keys: SigningKeys): Back {
  const startLine = `POST ${zoneUrl.pathname}${zoneUrl.search} HTTP/1.1\r\nhost: ${zoneUrl.host}\r\n`;
  type Waiting = { resolve: (answer: ForwardedAnswer) => void; reject: (error: Error) => void };
  let socket: Socket | undefined;
  let held: Buffer = Buffer.alloc(0);
  const waiting: Waiting[] = [];
  const failAll = (error: Error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  const open = (): Socket => {
    const opened = connect(Number(zoneUrl.port), zoneUrl.hostname);
    opened.setNoDelay(true);
    opened.on('data', (chunk: Buffer) => {
      held = appended(held, chunk);
      try {
        for (let message = takeMessage(held, 'refused'); message; message = takeMessage(held, 'refused')) {
          held = message.rest;
          waiting.shift()?.resolve({ status: statusOf(message.head), body: message.body });
        }
      } catch (error) {
        opened.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
    opened.on('error', (error) => failAll(error));
    opened.on('close', () => {
      if (socket === opened) socket = undefined;
      held = Buffer.alloc(0);
      failAll(new Error('the zone service closed the connection'));
    });
    return opened;
  };
  return {
    send: (body) =>
      new Promise((resolve, reject) => {
        socket ??= open();
        waiting.push({ resolve, reject });
        let head = startLine;
        for (const [name, value] of Object.entries(signedHeaders(keys, body))) head += `${name}: ${value}\r\n`;
        socket.write(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }),
    close: async () => {
      socket?.destroy();
      socket = undefined;
    },
  };
}

/** The back of a forwarder to `zoneUrl`, signing for the bench's principal. */
export function backTo(kind: BackKind, zoneUrl: string, keys: SigningKeys): Back {
  const url = new URL(zoneUrl);
  return kind === 'undici' ? undiciBack(url, keys) : rawSocketBack(url, keys);
}

const failureBody = (error: unknown) =>
  JSON.stringify({ errors: [{ message: `forwarding failed: ${error instanceof Error ? error.message : String(error)}` }] });

/** Node's HTTP server in front: the body read from the request's stream, the answer written with `writeHead` and `end`. */
function nodeHttpFront(back: Back): HttpServer {
  return createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      back.send(Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': answer.body.length });
          res.end(answer.body);
        },
        (error: unknown) => {
          const body = failureBody(error);
          res.writeHead(502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
      );
    });
  });
}

/** A socket framed by hand in front: each request's body forwarded, answers written in the order asked. */
function rawSocketFront(back: Back): Server {
  return createNetServer((socket) => {
    socket.setNoDelay(true);
    let held: Buffer = Buffer.alloc(0);
    // Answers leave in the order their requests came (HTTP/1.1), whichever the zone service answers first.
    let previous: Promise<void> = Promise.resolve();
    const reply = (status: number, body: Buffer) => {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`);
      socket.write(body);
    };
    socket.on('data', (chunk: Buffer) => {
      held = appended(held, chunk);
      for (let message = takeMessage(held, 'allowed'); message; message = takeMessage(held, 'allowed')) {
        held = message.rest;
        const answer = back.send(message.body.toString('utf8')).then(
          (forwarded) => forwarded,
          (error: unknown) => ({ status: 502, body: Buffer.from(failureBody(error)) }),
        );
        previous = previous.then(() => answer).then(({ status, body }) => reply(status, body));
      }
    });
    socket.on('error', () => socket.destroy());
  });
}

/** A forwarder's server (not yet listening): `front` takes the request, `back` asks the zone service. */
export function forwarder(front: FrontKind, back: Back): Server {
  return front === 'node-http' ? nodeHttpFront(back) : rawSocketFront(back);
}
