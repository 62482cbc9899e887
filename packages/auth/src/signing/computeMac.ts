import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { SIGNATURE_VERSION } from './signatureHeaders';

/** Each secret's key object, made once: `createHmac` with a string imports the key anew on every call. */
const keyObjects = new Map<string, KeyObject>();

function keyObjectOf(secret: string): KeyObject {
  let key = keyObjects.get(secret);
  if (!key) {
    key = createSecretKey(secret, 'utf8');
    keyObjects.set(secret, key);
  }
  return key;
}

/**
 * HMAC-SHA256 over the version, the timestamp, the principal header value
 * (empty when absent) and the exact body bytes (a string's UTF-8). Timestamps are digits and the
 * principal is base64url, so the newline separators cannot be forged into
 * another split.
 */
export function computeMac(secret: string, timestamp: string, principalHeader: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', keyObjectOf(secret)).update(`${SIGNATURE_VERSION}\n${timestamp}\n${principalHeader}\n`, 'utf8').update(body).digest();
}
