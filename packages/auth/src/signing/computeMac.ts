import { createHmac } from 'node:crypto';
import { SIGNATURE_VERSION } from './signatureHeaders';

/**
 * HMAC-SHA256 over the version, the timestamp, the principal header value
 * (empty when absent) and the exact body bytes. Timestamps are digits and the
 * principal is base64url, so the newline separators cannot be forged into
 * another split.
 */
export function computeMac(secret: string, timestamp: string, principalHeader: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret)
    .update(`${SIGNATURE_VERSION}\n${timestamp}\n${principalHeader}\n`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}
