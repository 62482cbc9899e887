import { Agent, request } from 'node:http';
import { postSignedGraphQL, type SigningKeys } from '@devzone/stack';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** One keep-alive pool for every request the bench sends, as a long-lived client would. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** Lets the process exit once the bench is done. */
export function closeClientSockets(): void {
  agent.destroy();
}

/** Loopback only: the bench never talks to anything but the services it started. */
function assertLoopback(url: URL): void {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`bench refuses non-loopback URL ${url.href}`);
}

/** The `Authorization` value sent to each gateway the bench started, by origin. */
const credentials = new Map<string, string>();

export function useGatewayCredential(gatewayUrl: string, authorization: string): void {
  credentials.set(new URL(gatewayUrl).origin, authorization);
}

/** POSTs one GraphQL operation (node:http, keep-alive) with the gateway's credential and parses the JSON answer. */
export function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const target = new URL(url);
  assertLoopback(target);
  const body = JSON.stringify({ query, variables });
  const authorization = credentials.get(target.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(authorization ? { authorization } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve(JSON.parse(text) as GraphQLResponse<T>);
          } catch {
            reject(new Error(`non-JSON answer (HTTP ${res.statusCode ?? '?'}) from ${url}: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Like queryOrThrow, for a zone or province service asked directly: signed with the run's keys, as the gateway signs. */
export async function signedQueryOrThrow<T>(url: string, keys: SigningKeys, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return dataOrThrow(url, await postSignedGraphQL<T>(url, keys, query, variables));
}

function dataOrThrow<T>(url: string, answer: GraphQLResponse<T>): T {
  if (answer.errors && answer.errors.length > 0) {
    const messages = answer.errors.slice(0, 3).map((e) => e.message);
    throw new Error(`GraphQL errors from ${url}: ${messages.join('; ')}`);
  }
  if (answer.data === undefined || answer.data === null) throw new Error(`no data from ${url}`);
  return answer.data;
}

/** Like postGraphQL, but any GraphQL error or missing data is a bench failure (a figure over errors would mislead). */
export async function queryOrThrow<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return dataOrThrow(url, await postGraphQL<T>(url, query, variables));
}
