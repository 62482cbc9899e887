import { randomBytes } from 'node:crypto';
import { CredentialRejectedError, type CredentialFailure } from './credentialError';
import { issueToken } from './jwtIssuer';
import { newJwtKeyEntry, parseJwtKeys } from './jwtKeys';
import { createJwtVerifier } from './jwtVerifier';
import { loadJose } from './loadJose';

const [NEW, OLD] = parseJwtKeys(`${newJwtKeyEntry('2026-01', randomBytes)},${newJwtKeyEntry('2025-01', randomBytes)}`);
const ISSUER = 'devzone-test';
const AUDIENCE = 'devzone-graph';
const analyst = { roles: ['ANALYST'] as const, provinces: ['anhui'], zoneIds: [] };

const issue = (overrides: Partial<Parameters<typeof issueToken>[0]> = {}) =>
  issueToken({ key: NEW, issuer: ISSUER, audience: AUDIENCE, subject: 'li.wei', grant: analyst, ttlSeconds: 600, ...overrides });

async function failure(promise: Promise<unknown>): Promise<CredentialFailure | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof CredentialRejectedError) return error.failure;
    throw error;
  }
}

describe('JWT verification', () => {
  const verifier = createJwtVerifier({ keys: [NEW, OLD], issuer: ISSUER, audience: AUDIENCE });

  it('maps a valid token to its principal', async () => {
    await expect(verifier.verify(await issue())).resolves.toEqual({
      subject: 'jwt:devzone-test/li.wei',
      roles: ['ANALYST'],
      provinces: ['anhui'],
      zoneIds: [],
    });
    const admin = await issue({ grant: { roles: ['ADMIN'], provinces: [], zoneIds: [] } });
    await expect(verifier.verify(admin)).resolves.toMatchObject({ roles: ['ADMIN'], provinces: 'ALL' });
  });

  it('says "expired" for an expired token, and nothing more', async () => {
    const expired = await issue({ issuedAt: new Date(Date.now() - 3600_000), ttlSeconds: 60 });
    expect(await failure(verifier.verify(expired))).toBe('expired');
  });

  it('refuses another audience, another issuer, an unknown kid and another secret as "invalid"', async () => {
    expect(await failure(verifier.verify(await issue({ audience: 'elsewhere' })))).toBe('invalid');
    expect(await failure(verifier.verify(await issue({ issuer: 'someone-else' })))).toBe('invalid');
    const [stranger] = parseJwtKeys(newJwtKeyEntry('2027-01', randomBytes));
    expect(await failure(verifier.verify(await issue({ key: stranger })))).toBe('invalid');
    const [sameKidOtherSecret] = parseJwtKeys(newJwtKeyEntry('2026-01', randomBytes));
    expect(await failure(verifier.verify(await issue({ key: sameKidOtherSecret })))).toBe('invalid');
    expect(await failure(verifier.verify('not.a.token'))).toBe('invalid');
  });

  it('rotates: tokens of the old and the new key both verify while both are listed, the old one stops when dropped', async () => {
    const byOld = await issue({ key: OLD });
    const byNew = await issue({ key: NEW });
    expect(await failure(verifier.verify(byOld))).toBe('accepted');
    expect(await failure(verifier.verify(byNew))).toBe('accepted');
    const afterRotation = createJwtVerifier({ keys: [NEW], issuer: ISSUER, audience: AUDIENCE });
    expect(await failure(afterRotation.verify(byOld))).toBe('invalid');
    expect(await failure(afterRotation.verify(byNew))).toBe('accepted');
  });

  it('refuses a token whose role claim is unknown or missing, or that has no expiry', async () => {
    const { SignJWT } = await loadJose();
    const sign = (claims: Record<string, unknown>, withExpiry = true) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: NEW.kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('x');
      return (withExpiry ? jwt.setExpirationTime('10m') : jwt).sign(NEW.secret);
    };
    expect(await failure(verifier.verify(await sign({ roles: ['ROOT'] })))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ roles: ['ANALYST', 'SUPERUSER'] })))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ roles: [] })))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ roles: 'ADMIN' })))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ provinces: 'ALL' })))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ roles: ['ANALYST'] }, false)))).toBe('invalid');
    expect(await failure(verifier.verify(await sign({ roles: ['ANALYST'] })))).toBe('accepted');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const { UnsecuredJWT } = await loadJose();
    const unsigned = new UnsecuredJWT({ roles: ['ADMIN'] }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('x').setExpirationTime('10m').encode();
    expect(await failure(verifier.verify(unsigned))).toBe('invalid');
  });
});

describe('verified tokens are reused', () => {
  it('for at most verifiedCacheMs and never past exp; then the token is verified again', async () => {
    let clock = Date.now();
    const keys = [NEW, OLD];
    const verifier = createJwtVerifier({ keys, issuer: ISSUER, audience: AUDIENCE, verifiedCacheMs: 60_000, now: () => clock });
    const short = await issue({ key: OLD, ttlSeconds: 20 });
    const long = await issue({ key: OLD, ttlSeconds: 600 });
    expect(await failure(verifier.verify(short))).toBe('accepted');
    expect(await failure(verifier.verify(long))).toBe('accepted');
    // The old key leaves the list: tokens verified before are still answered from the cache ...
    keys.splice(1, 1);
    expect(await failure(verifier.verify(long))).toBe('accepted');
    // ... the short one only until its exp, the long one until verifiedCacheMs has passed.
    clock += 21_000;
    expect(await failure(verifier.verify(short))).toBe('invalid');
    expect(await failure(verifier.verify(long))).toBe('accepted');
    clock += 40_000;
    expect(await failure(verifier.verify(long))).toBe('invalid');
  });

  it('are known at once (verified) while the cache holds them, and only then', async () => {
    let clock = Date.now();
    const verifier = createJwtVerifier({ keys: [NEW], issuer: ISSUER, audience: AUDIENCE, verifiedCacheMs: 60_000, now: () => clock });
    const token = await issue({ ttlSeconds: 600 });
    expect(verifier.verified?.(token)).toBeUndefined();
    const principal = await verifier.verify(token);
    expect(verifier.verified?.(token)).toBe(principal);
    expect(verifier.verified?.(`${token}x`)).toBeUndefined();
    clock += 60_001;
    expect(verifier.verified?.(token)).toBeUndefined();
    const uncached = createJwtVerifier({ keys: [NEW], issuer: ISSUER, audience: AUDIENCE, verifiedCacheMs: 0 });
    await uncached.verify(token);
    expect(uncached.verified?.(token)).toBeUndefined();
  });

  it('not at all with verifiedCacheMs 0', async () => {
    const keys = [NEW, OLD];
    const verifier = createJwtVerifier({ keys, issuer: ISSUER, audience: AUDIENCE, verifiedCacheMs: 0 });
    const token = await issue({ key: OLD });
    expect(await failure(verifier.verify(token))).toBe('accepted');
    keys.splice(1, 1);
    expect(await failure(verifier.verify(token))).toBe('invalid');
  });
});

describe('AUTH_JWT_KEYS', () => {
  it('parses kid:secret entries, first one first', () => {
    const keys = parseJwtKeys(` a:${Buffer.alloc(32, 1).toString('base64')} , b.2:${Buffer.alloc(40, 2).toString('base64url')}`);
    expect(keys.map((k) => [k.kid, k.secret.length])).toEqual([
      ['a', 32],
      ['b.2', 40],
    ]);
  });

  it('names what is wrong without echoing a secret', () => {
    const short = Buffer.alloc(16).toString('base64');
    expect(() => parseJwtKeys('')).toThrow(/lists no key/);
    expect(() => parseJwtKeys(`a:${short}`)).toThrow(/key "a": the secret has 16 bytes, at least 32/);
    expect(() => parseJwtKeys('no-colon')).toThrow(/entry 1/);
    expect(() => parseJwtKeys('a:not base64!')).toThrow(/not base64/);
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(() => parseJwtKeys(`a:${secret},a:${secret}`)).toThrow(/twice/);
    try {
      parseJwtKeys(`a:${short}`);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });
});
