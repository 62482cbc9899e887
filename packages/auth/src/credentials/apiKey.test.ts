import { apiKeyMatches, generateApiKey, hashApiKey, isApiKeyId, parseApiKey } from './apiKey';
import { readAuthorizationHeader } from './authorizationHeader';
import { CachingApiKeyVerifier } from './cachingApiKeyVerifier';
import type { Principal } from '../principal/principal';

describe('API keys', () => {
  it('are dzk_<16 hex keyId>_<64 hex secret>, different every time, stored as sha256', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^dzk_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect(a.key.startsWith(`dzk_${a.keyId}_`)).toBe(true);
    expect(a.key).not.toBe(b.key);
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(21));
  });

  it('parse only the exact format', () => {
    const { key, keyId } = generateApiKey();
    expect(parseApiKey(key)).toEqual({ keyId, secret: key.slice(21) });
    for (const bad of [key.toUpperCase(), `${key}0`, key.slice(0, -1), key.replace('dzk_', 'dzx_'), `${key}\n`, ` ${key}`, 'dzk__', '']) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it('match their hash only, comparing in constant time', () => {
    const { key, hash } = generateApiKey();
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`, hash)).toBe(false);
    expect(apiKeyMatches(key, generateApiKey().hash)).toBe(false);
    expect(apiKeyMatches(key, 'abcd')).toBe(false);
    expect(apiKeyMatches(key, '')).toBe(false);
  });
});

describe('Authorization header', () => {
  const { key } = generateApiKey();
  it('reads bearer tokens and API keys (ApiKey or Bearer scheme)', () => {
    expect(readAuthorizationHeader(undefined)).toBeUndefined();
    expect(readAuthorizationHeader('  ')).toBeUndefined();
    expect(readAuthorizationHeader('Bearer a.b.c')).toEqual({ kind: 'jwt', token: 'a.b.c' });
    expect(readAuthorizationHeader(`ApiKey ${key}`)).toEqual({ kind: 'apiKey', key });
    expect(readAuthorizationHeader(`bearer ${key}`)).toEqual({ kind: 'apiKey', key });
    expect(readAuthorizationHeader('Basic dXNlcjpwYXNz')).toBe('malformed');
    expect(readAuthorizationHeader('ApiKey a.b.c')).toBe('malformed');
    expect(readAuthorizationHeader('Bearer a b')).toBe('malformed');
  });
});

describe('CachingApiKeyVerifier', () => {
  const principal: Principal = { subject: 'key:1', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] };

  function counting(answers: Map<string, Principal | null>) {
    const asked: string[] = [];
    return { asked, verifier: { verify: async (k: string) => (asked.push(k), answers.get(k) ?? null) } };
  }

  it('reuses grants and refusals for the TTL, then asks again', async () => {
    let now = 1000;
    const { asked, verifier } = counting(new Map([['good', principal]]));
    const cached = new CachingApiKeyVerifier(verifier, { ttlMs: 30_000, now: () => now });
    await expect(cached.verify('good')).resolves.toBe(principal);
    await expect(cached.verify('good')).resolves.toBe(principal);
    await expect(cached.verify('bad')).resolves.toBeNull();
    await expect(cached.verify('bad')).resolves.toBeNull();
    expect(asked).toEqual(['good', 'bad']);
    now += 30_001;
    await cached.verify('good');
    expect(asked).toEqual(['good', 'bad', 'good']);
  });

  it('knows a granted key at once (verified) for the TTL; a refused or unseen key is left to verify', async () => {
    let now = 1000;
    const { verifier } = counting(new Map([['good', principal]]));
    const cached = new CachingApiKeyVerifier(verifier, { ttlMs: 30_000, now: () => now });
    expect(cached.verified('good')).toBeUndefined();
    await cached.verify('good');
    await cached.verify('bad');
    expect(cached.verified('good')).toBe(principal);
    expect(cached.verified('bad')).toBeUndefined();
    now += 30_001;
    expect(cached.verified('good')).toBeUndefined();
    const uncached = new CachingApiKeyVerifier(verifier, { ttlMs: 0 });
    await uncached.verify('good');
    expect(uncached.verified('good')).toBeUndefined();
  });

  it('asks every time with TTL 0, and never caches a failure to answer', async () => {
    const { asked, verifier } = counting(new Map([['good', principal]]));
    const uncached = new CachingApiKeyVerifier(verifier, { ttlMs: 0 });
    await uncached.verify('good');
    await uncached.verify('good');
    expect(asked).toHaveLength(2);
    let down = true;
    const flaky = new CachingApiKeyVerifier(
      {
        verify: async () => {
          if (down) throw new Error('province unreachable');
          return principal;
        },
      },
      { ttlMs: 30_000 },
    );
    await expect(flaky.verify('good')).rejects.toThrow('unreachable');
    down = false;
    await expect(flaky.verify('good')).resolves.toBe(principal);
  });

  it('keeps at most maxEntries answers', async () => {
    const { asked, verifier } = counting(new Map());
    const cached = new CachingApiKeyVerifier(verifier, { ttlMs: 30_000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c', 'a']) await cached.verify(k);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('isApiKeyId', () => {
  it('accepts the key id of a generated key and nothing else', () => {
    expect(isApiKeyId(generateApiKey().keyId)).toBe(true);
    for (const value of ['', '0123456789abcdef0', '0123456789ABCDEF', '0123456789abcdeg', ' 0123456789abcdef']) expect(isApiKeyId(value)).toBe(false);
  });
});
