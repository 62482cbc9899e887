import { signRequest, type SigningKeys } from '@devzone/auth';
import { sharedHttpClient } from '../transport';

/** The zones one version request may name at most (the endpoint's contract). */
export const MAX_ZONES_PER_VERSION_REQUEST = 1000;

/** 1,000 zones' versions take ~30 KB: anything much larger is not the contract's answer. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Why a zone service's data versions were not read: `unsupported` (it has no version
 * endpoint: 404, or an answer that is not the contract's), `timeout`, `error` (connection
 * failed, HTTP status other than 200/404).
 */
export type ZoneVersionCheckFailure = 'unsupported' | 'timeout' | 'error';

/** What a zone service said of its zones' data versions: one decimal string per zone it hosts. */
export type DataVersionsAnswer =
  | { readonly status: 'answered'; readonly versions: ReadonlyMap<string, string> }
  | { readonly status: 'failed'; readonly reason: ZoneVersionCheckFailure; readonly detail: string };

export interface FetchDataVersionsOptions {
  /** The deployment's keys: the request is signed like a subgraph request. Without them it goes unsigned (and is refused). */
  readonly signingKeys?: SigningKeys | undefined;
  readonly timeoutMs: number;
}

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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 'failed', reason: 'unsupported', detail: 'its answer is not JSON' };
  }
  const versions = versionsOf(parsed);
  if (!versions) return { status: 'failed', reason: 'unsupported', detail: 'its answer is not {"versions": {zone: "decimal"}}' };
  return { status: 'answered', versions };
}

/** The `versions` of an answer `{"versions": {zone: "decimal", ...}}`; undefined for anything else. */
function versionsOf(answer: unknown): Map<string, string> | undefined {
  if (!isPlainObject(answer) || !isPlainObject(answer.versions)) return undefined;
  const versions = new Map<string, string>();
  for (const [zoneId, version] of Object.entries(answer.versions)) {
    if (typeof version !== 'string' || !/^\d+$/.test(version)) return undefined;
    versions.set(zoneId, version);
  }
  return versions;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
