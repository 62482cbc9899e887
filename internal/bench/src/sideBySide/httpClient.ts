import { Agent, request } from 'node:http';
import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type Principal, type SigningKeys } from '@devzone/auth';

/**
 * The load generator's one keep-alive pool: every target (zone service, each
 * gateway) is asked through the same node:http client, so that the client's
 * own cost is the same in every column.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export function closeSideBySideSockets(): void {
  agent.destroy();
}

/** A national administrator and analyst: what the plain gateways forward, and what signed direct requests carry. */
export const BENCH_PRINCIPAL: Principal = { subject: 'bench:side-by-side', roles: ['ADMIN', 'ANALYST'], provinces: 'ALL', zoneIds: [] };
const BENCH_PRINCIPAL_HEADER = encodePrincipal(BENCH_PRINCIPAL);

/** What every process of the bench that asks a zone service sends beside `body`: the bench's principal, signed over the exact body. */
export function benchSignedHeaders(keys: SigningKeys, body: string | Uint8Array): Record<string, string> {
  return { [PRINCIPAL_HEADER]: BENCH_PRINCIPAL_HEADER, ...signRequest({ keys, body, principalHeader: BENCH_PRINCIPAL_HEADER }) };
}

/** How a target is asked: with a gateway credential, or signed as a gateway signs (the zone service asked directly). */
export type Asking = { readonly kind: 'credential'; readonly authorization?: string } | { readonly kind: 'signed'; readonly keys: SigningKeys };

function headersFor(asking: Asking, body: string): Record<string, string> {
  if (asking.kind === 'credential') return asking.authorization ? { authorization: asking.authorization } : {};
  return benchSignedHeaders(asking.keys, body);
}

/**
 * POSTs one GraphQL operation to a loopback URL and resolves with its data;
 * an HTTP error, a GraphQL error or missing data rejects (a figure over errors would mislead).
 */
export async function askGraphQL(url: string, asking: Asking, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`side-by-side refuses non-loopback URL ${url}`);
  const body = JSON.stringify({ query, variables });
  try {
    return await send(target, asking, body);
  } catch (error) {
    // A kept-alive socket the server closed as it was reused: the request never reached the server (Node's documented retry case).
    if (error instanceof StaleSocketError) return send(target, asking, body);
    throw error;
  }
}

class StaleSocketError extends Error {}

function send(target: URL, asking: Asking, body: string): Promise<unknown> {
  const url = target.href;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headersFor(asking, body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let answer: { data?: unknown; errors?: { message: string }[] };
          try {
            answer = JSON.parse(text) as typeof answer;
          } catch {
            reject(new Error(`non-JSON answer (HTTP ${res.statusCode ?? '?'}) from ${url}: ${text.slice(0, 200)}`));
            return;
          }
          if (answer.errors?.length)
            reject(
              new Error(
                `GraphQL errors from ${url}: ${answer.errors
                  .slice(0, 3)
                  .map((e) => e.message)
                  .join('; ')}`,
              ),
            );
          else if (answer.data === undefined || answer.data === null) reject(new Error(`no data from ${url} (HTTP ${res.statusCode ?? '?'})`));
          else resolve(answer.data);
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up') ? new StaleSocketError(error.message) : error),
    );
    req.end(body);
  });
}
