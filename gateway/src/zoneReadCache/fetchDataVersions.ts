import { signRequest, type SigningKeys } from '@devzone/auth';
import type { ZoneVersionCheckFailure } from '@devzone/observability';
import { sharedHttpClient } from '@devzone/shard-router';
import { z } from 'zod';

/** The zones one version request may name at most (the endpoint's contract). */
export const MAX_ZONES_PER_VERSION_REQUEST = 1000;

/** 1,000 zones' versions take ~30 KB: anything much larger is not the contract's answer. */
const MAX_ANSWER_BYTES = 1024 * 1024;

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
 * exact body, no principal (versions do not depend on scope), over the pooled keep-alive
 * connections the gateway's subgraph fetches use. Never throws: a service without
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
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  let status: number;
  let text: string;
  try {
    const answer = await sharedHttpClient().request(new URL('data-versions', serviceUrl).toString(), {
      headers,
      body,
      signal: deadline.signal,
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
    status = answer.status;
    text = answer.body.toString('utf8');
  } catch (error) {
    if (deadline.signal.aborted) return { status: 'failed', reason: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    return { status: 'failed', reason: 'error', detail: describe(error) };
  } finally {
    clearTimeout(timer);
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
