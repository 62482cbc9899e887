import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys: `dzk_<keyId>_<secret>`, keyId 16 hex characters (64 random bits,
 * the row's public name), secret 64 hex characters (256 random bits).
 *
 * Only `sha256(key)` is stored. A slow hash (scrypt, bcrypt) protects secrets
 * people choose, which are few enough to enumerate; a 256-bit random secret
 * cannot be enumerated whatever the hash costs, so a slow hash would only add
 * CPU per request (and a lever for denial of service) without making a
 * leaked table any easier to protect.
 */
export const API_KEY_PREFIX = 'dzk_';

const API_KEY_PATTERN = /^dzk_([0-9a-f]{16})_([0-9a-f]{64})$/;
const API_KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

export interface ApiKeyParts {
  readonly keyId: string;
  readonly secret: string;
}

export interface GeneratedApiKey {
  readonly keyId: string;
  /** The whole key, shown once. */
  readonly key: string;
  /** What is stored: sha256 of the whole key, hex. */
  readonly hash: string;
}

/** Whether `value` is shaped like a key id (16 lowercase hex characters), the public name of a key. */
export function isApiKeyId(value: string): boolean {
  return API_KEY_ID_PATTERN.test(value);
}

export function isApiKeyShaped(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}

/** The parts of a well-formed key; null otherwise. */
export function parseApiKey(value: string): ApiKeyParts | null {
  const match = API_KEY_PATTERN.exec(value);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const key = `${API_KEY_PREFIX}${keyId}_${randomBytes(32).toString('hex')}`;
  return { keyId, key, hash: hashApiKey(key) };
}

/** Whether a presented key matches a stored hash, in time independent of where they differ. */
export function apiKeyMatches(presented: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
