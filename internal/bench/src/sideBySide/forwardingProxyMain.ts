/**
 * `node internal/bench/dist/sideBySide/forwardingProxyMain.js`: the floor of the side-by-side
 * suite, the least any gateway in a process of its own does with a request. It parses the
 * client's JSON body, serialises it again, signs it as the gateways do (SERVICE_SIGNING_KEYS, a
 * national administrator's principal) and POSTs it to ZONE_URL over a pool of kept-alive
 * connections (undici, as this gateway's), then parses the zone service's answer and sends it
 * serialised again. No schema, no plan, no checks: it is asked the `_entities` request the zone
 * service is asked directly, so its answers are the zone service's own. Prints `… ready at <url>`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSigningKeys, type SigningKeys } from '@devzone/auth';
import { Pool } from 'undici';
import { benchSignedHeaders } from './httpClient';

/** Forwards one request; resolves with the status and body to answer. */
export type Forward = (body: string) => Promise<{ status: number; body: string }>;

/** A forwarder to `zoneUrl`: one pool, every request signed with `keys` for the bench's principal. */
export function forwarderTo(zoneUrl: string, keys: SigningKeys): { forward: Forward; close(): Promise<void> } {
  const target = new URL(zoneUrl);
  const pool = new Pool(target.origin, { connections: 128 });
  return {
    forward: async (received) => {
      const body = JSON.stringify(JSON.parse(received) as unknown);
      const response = await pool.request({
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...benchSignedHeaders(keys, body) },
      });
      const answer: unknown = await response.body.json();
      return { status: response.statusCode, body: JSON.stringify(answer) };
    },
    close: () => pool.close(),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serves `forward` over HTTP: a POST is forwarded; anything that fails is a 502 naming why. */
export function forwardingServer(forward: Forward): Server {
  return createServer((req, res) => {
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ errors: [{ message: 'the forwarding proxy takes POST only' }] }));
    readBody(req)
      .then(forward)
      .then(
        (answer) => send(res, answer.status, answer.body),
        (error: unknown) =>
          send(res, 502, JSON.stringify({ errors: [{ message: `forwarding failed: ${error instanceof Error ? error.message : String(error)}` }] })),
      );
  });
}

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

if (require.main === module) {
  const { forward } = forwarderTo(required('ZONE_URL'), parseSigningKeys(process.env.SERVICE_SIGNING_KEYS));
  const server = forwardingServer(forward);
  server.listen(Number(required('PORT')), process.env.HOST?.trim() || '127.0.0.1', () => {
    console.log(`Forwarding proxy ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  });
}
