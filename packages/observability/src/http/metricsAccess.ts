import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parseOrThrow } from '@devzone/errors';
import { z } from 'zod';

/**
 * Who may read `/metrics`: anyone with `public`; otherwise a caller on this machine
 * (a loopback address, reached without a proxy), or one presenting `Authorization:
 * Bearer <token>` when a token is set.
 */
export interface MetricsAccessRule {
  readonly public: boolean;
  readonly token: string | undefined;
}

const blankAsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const metricsEnvSchema = z.object({
  METRICS_PUBLIC: z.preprocess(blankAsUnset, z.enum(['0', '1'], { message: 'must be 1 (anyone may read /metrics) or 0' }).default('0')),
  METRICS_TOKEN: z.preprocess(blankAsUnset, z.string().min(16, 'must be at least 16 characters').optional()),
});

/** METRICS_PUBLIC and METRICS_TOKEN; a ValidationError names a bad one. */
export function metricsAccessFromEnv(env: NodeJS.ProcessEnv = process.env): MetricsAccessRule {
  const { METRICS_PUBLIC, METRICS_TOKEN } = parseOrThrow(metricsEnvSchema, env, 'environment');
  return { public: METRICS_PUBLIC === '1', token: METRICS_TOKEN };
}

export type MetricsVerdict = { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly message: string };

export interface MetricsRequest {
  readonly remoteAddress: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

/** A reverse proxy on this machine connects from loopback on behalf of anyone: its forwarding headers make a request remote. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export function judgeMetricsRequest(rule: MetricsAccessRule, { remoteAddress, headers }: MetricsRequest): MetricsVerdict {
  if (rule.public) return { allowed: true };
  const local = isLoopback(remoteAddress) && FORWARDING_HEADERS.every((name) => headers[name] === undefined);
  if (local) return { allowed: true };
  if (rule.token === undefined) {
    return { allowed: false, status: 403, message: '/metrics is served to this machine only (set METRICS_TOKEN or METRICS_PUBLIC=1 to open it)' };
  }
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (presented !== undefined && sameSecret(presented, rule.token)) return { allowed: true };
  return { allowed: false, status: 401, message: '/metrics needs Authorization: Bearer <METRICS_TOKEN> from outside this machine' };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Compared as digests of equal length, in constant time. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
