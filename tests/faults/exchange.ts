import type { GraphQLResponseBody } from '@devzone/testkit';

/** One request to the gateway and what came back, timed from send to the last byte. */
export interface Exchange {
  readonly label: string;
  readonly variables: Record<string, unknown>;
  /** HTTP status; 0 when no answer came within the client's own limit. */
  readonly status: number;
  readonly ms: number;
  readonly startedAt: number;
  readonly body: GraphQLResponseBody;
}

/** Far above any configured deadline: a request still unanswered by then is reported, not awaited forever. */
const CLIENT_LIMIT_MS = 30_000;

/** POSTs one operation with the given `Authorization` and records the exchange, whatever the outcome. */
export async function exchange(url: string, authorization: string, label: string, query: string, variables: Record<string, unknown> = {}): Promise<Exchange> {
  const startedAt = Date.now();
  const done = (status: number, body: GraphQLResponseBody): Exchange => ({ label, variables, status, ms: Date.now() - startedAt, startedAt, body });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(CLIENT_LIMIT_MS),
    });
    const text = await response.text();
    try {
      return done(response.status, JSON.parse(text) as GraphQLResponseBody);
    } catch {
      return done(response.status, { errors: [{ message: `non-JSON answer: ${text.slice(0, 200)}` }] });
    }
  } catch (error) {
    return done(0, { errors: [{ message: `no answer: ${error instanceof Error ? error.message : String(error)}` }] });
  }
}

/** One line per exchange for failure messages. */
export function describeExchange(e: Exchange): string {
  return `${e.label} ${JSON.stringify(e.variables)} → HTTP ${e.status} in ${e.ms} ms: ${JSON.stringify(e.body).slice(0, 400)}`;
}
