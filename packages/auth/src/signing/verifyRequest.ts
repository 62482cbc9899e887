import { timingSafeEqual } from 'node:crypto';
import { PRINCIPAL_HEADER } from '../principal/principal';
import { computeMac } from './computeMac';
import { KEY_ID_HEADER, SIGNATURE_HEADER, SIGNATURE_VERSION, TIMESTAMP_HEADER } from './signatureHeaders';
import type { SigningKeys } from './signingKeys';

/** How far a request's timestamp may be from the receiver's clock. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export type VerificationFailure = 'MISSING_HEADERS' | 'UNKNOWN_KEY' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

export type VerificationResult =
  | { readonly ok: true; readonly keyId: string; readonly principalHeader: string | null }
  | { readonly ok: false; readonly reason: VerificationFailure; readonly message: string };

export interface VerifyRequestInput {
  readonly keys: SigningKeys;
  /** Request headers with lower-case names (Node's `IncomingHttpHeaders` fits). */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact bytes received as the body. */
  readonly body: string | Uint8Array;
  /** @default Date.now() */
  readonly now?: number;
  /** @default SIGNATURE_TOLERANCE_MS */
  readonly toleranceMs?: number;
}

const SIGNATURE_VALUE = new RegExp(`^${SIGNATURE_VERSION}=([0-9a-f]{64})$`);

/** A header given exactly once; a repeated header is as good as missing. */
function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const fail = (reason: VerificationFailure, message: string): VerificationResult => ({ ok: false, reason, message });

/** Checks a request signed by `signRequest` with any of the keys, in constant time for the MAC. */
export function verifyRequest({ keys, headers, body, now = Date.now(), toleranceMs = SIGNATURE_TOLERANCE_MS }: VerifyRequestInput): VerificationResult {
  const keyId = single(headers[KEY_ID_HEADER]);
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!keyId || !timestamp || !signature) return fail('MISSING_HEADERS', 'the request is not signed by the gateway');
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) return fail('UNKNOWN_KEY', 'the request is signed with an unknown key');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > toleranceMs) {
    return fail('STALE_TIMESTAMP', 'the request signature has expired or is not yet valid');
  }
  const principalHeader = single(headers[PRINCIPAL_HEADER]) ?? null;
  const given = SIGNATURE_VALUE.exec(signature);
  const expected = computeMac(key.secret, timestamp, principalHeader ?? '', body);
  // Compared even when the value is malformed, so the time taken says nothing about why it failed.
  const givenBytes = given ? Buffer.from(given[1]!, 'hex') : Buffer.alloc(expected.length);
  if (!timingSafeEqual(givenBytes, expected) || !given) return fail('BAD_SIGNATURE', 'the request signature does not match');
  return { ok: true, keyId, principalHeader };
}
