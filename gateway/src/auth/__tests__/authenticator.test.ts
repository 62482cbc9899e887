import { CachingApiKeyVerifier, CredentialRejectedError, SIGNATURE_HEADER, type JwtVerifier, type Principal } from '@devzone/auth';
import type { IncomingMessage } from 'node:http';
import { createAuthenticator } from '../authenticator';

const analyst: Principal = { subject: 'li.wei', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };
const KEY = `dzk_${'a'.repeat(16)}_${'b'.repeat(64)}`;

function request(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

/** A JWT verifier that accepts the token "good" and remembers what it verified, as the real one's cache does. */
function rememberingJwt(): JwtVerifier {
  const verified = new Set<string>();
  return {
    verify: async (token) => {
      if (token !== 'good') throw new CredentialRejectedError('invalid', 'bad signature');
      verified.add(token);
      return analyst;
    },
    verified: (token) => (verified.has(token) ? analyst : undefined),
  };
}

describe('createAuthenticator: known', () => {
  it('knows a bearer token or an API key only once its verifier has verified it', async () => {
    const authenticator = createAuthenticator({
      jwt: rememberingJwt(),
      apiKeys: new CachingApiKeyVerifier({ verify: async (key) => (key === KEY ? analyst : null) }, { ttlMs: 30_000 }),
    });
    const bearer = request({ authorization: 'Bearer good' });
    const apiKey = request({ authorization: `ApiKey ${KEY}` });
    expect(authenticator.known(bearer)).toBeUndefined();
    expect(authenticator.known(apiKey)).toBeUndefined();
    await expect(authenticator.authenticate(bearer)).resolves.toBe(analyst);
    await expect(authenticator.authenticate(apiKey)).resolves.toBe(analyst);
    expect(authenticator.known(bearer)).toBe(analyst);
    expect(authenticator.known(apiKey)).toBe(analyst);
  });

  it('knows nothing of a request authenticate refuses or lets through anonymous', async () => {
    const authenticator = createAuthenticator({ jwt: rememberingJwt() });
    await authenticator.authenticate(request({ authorization: 'Bearer good' }));
    const signed = request({ authorization: 'Bearer good', [SIGNATURE_HEADER]: 'v1=00' });
    expect(authenticator.known(signed)).toBeUndefined();
    await expect(authenticator.authenticate(signed)).rejects.toThrow(CredentialRejectedError);
    expect(authenticator.known(request({}))).toBeUndefined();
    expect(authenticator.known(request({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(authenticator.known(request({ authorization: `ApiKey ${KEY}` }))).toBeUndefined();
  });
});
