import { signRequest, type SigningKeys } from '@devzone/auth';
import type { ZoneVersionCheckFailure } from '@devzone/observability';
import { z } from 'zod';

/** The zones one version request may name at most (the endpoint's contract). */
export const MAX_ZONES_PER_VERSION_REQUEST = 1000;

/** What a zone service said of its zones' data versions: one decimal string per zone it hosts. */
export type DataVersionsAnswer =
  | { readonly status: 'answered'; readonly versions: ReadonlyMap<string, string> }
  | { readonly status: 'failed'; readonly reason: ZoneVersionCheckFailure; readonly detail: string };

export interface FetchDataVersionsOptions {
  /** The deployment's keys: the request is signed like a subgraph request. Without them it goes unsigned (and is refused). */
  readonly signingKeys?: SigningKeys | undefined;
  readonly timeoutMs: number;
}

const answerSchema = z.object({ versions: z.record(z.string(), z.string().regex(/^\d+$/)) });

/**
 * `POST <service url>data-versions` with `{"zones": [...]}` (at most 1,000), signed over the
 * exact body, no principal (versions do not depend on scope). Never throws: a service without
 * the endpoint (404, or an answer that is not `{"versions": {...}}`), a timeout or any other
 * failure is answered as `failed`.
 */
export async function fetchDataVersions(
  serviceUrl: string,
  zones: readonly string[],
  { signingKeys, timeoutMs }: FetchDataVersionsOptions,
): Promise<DataVersionsAnswer> {
  const body = JSON.stringify({ zones });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(signingKeys ? signRequest({ keys: signingKeys, body }) : {}) };
  let status: number;
  let text: string;
  try {
    const response = await fetch(new URL('data-versions', serviceUrl), { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: 'failed', reason: timedOut ? 'timeout' : 'error', detail: timedOut ? `no answer within ${timeoutMs} ms` : describe(error) };
  }
  if (status === 404) return { status: 'failed', reason: 'unsupported', detail: 'it has no data-versions endpoint (404)' };
  if (status !== 200) return { status: 'failed', reason: 'error', detail: `it answered HTTP ${status}` };
  let parsed: ReturnType<typeof answerSchema.safeParse>;
  try {
    parsed = answerSchema.safeParse(JSON.parse(text));
  } catch {
    return { status: 'failed', reason: 'unsupported', detail: 'its answer is not JSON' };
  }
  if (!parsed.success) return { status: 'failed', reason: 'unsupported', detail: 'its answer is not {"versions": {zone: "decimal"}}' };
  return { status: 'answered', versions: new Map(Object.entries(parsed.data.versions)) };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
