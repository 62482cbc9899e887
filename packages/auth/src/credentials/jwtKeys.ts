/**
 * Local JWT signing keys, `AUTH_JWT_KEYS`: comma-separated `<kid>:<secret>`
 * entries, the secret in base64 (standard or url-safe) of at least 32 bytes,
 * used with HS256. Every listed key verifies; the first one signs the tokens
 * this deployment issues. To rotate: put the new key first, keep the old one
 * until the tokens it signed have expired, then drop it.
 */
export interface JwtSigningKey {
  readonly kid: string;
  readonly secret: Uint8Array;
}

const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const MIN_SECRET_BYTES = 32;

/** Parses `AUTH_JWT_KEYS`; throws naming the entry that is wrong (never echoing a secret). */
export function parseJwtKeys(value: string): JwtSigningKey[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error('AUTH_JWT_KEYS lists no key (expected "<kid>:<base64 secret>[,...]")');
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : '';
    if (!KID_PATTERN.test(kid))
      throw new Error(`AUTH_JWT_KEYS entry ${index + 1}: expected "<kid>:<base64 secret>", kid of 1-64 letters, digits, ".", "_" or "-"`);
    const encoded = entry.slice(colon + 1);
    if (!/^[A-Za-z0-9+/_-]+=*$/.test(encoded)) throw new Error(`AUTH_JWT_KEYS key "${kid}": the secret is not base64`);
    const secret = new Uint8Array(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    if (secret.length < MIN_SECRET_BYTES)
      throw new Error(`AUTH_JWT_KEYS key "${kid}": the secret has ${secret.length} bytes, at least ${MIN_SECRET_BYTES} are needed`);
    return { kid, secret };
  });
  const kids = keys.map((key) => key.kid);
  const repeated = kids.find((kid, i) => kids.indexOf(kid) !== i);
  if (repeated) throw new Error(`AUTH_JWT_KEYS names key "${repeated}" twice`);
  return keys;
}

/** A fresh `<kid>:<secret>` entry for AUTH_JWT_KEYS. */
export function newJwtKeyEntry(kid: string, randomBytes: (size: number) => Uint8Array): string {
  return `${kid}:${Buffer.from(randomBytes(MIN_SECRET_BYTES)).toString('base64url')}`;
}
