import { ValidationError } from '@devzone/errors';
import { encodePrincipal } from '../principal/principalHeader';
import { PRINCIPAL_HEADER } from '../principal/principal';
import { KEY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signatureHeaders';
import { formatSigningKeys, generateSigningKeys, parseSigningKeys, type SigningKeys } from './signingKeys';
import { signRequest } from './signRequest';
import { verifyRequest, type VerificationResult } from './verifyRequest';

const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);
const OLD: SigningKeys = [{ id: 'k2025', secret: 'o'.repeat(32) }];
const NEW: SigningKeys = [{ id: 'k2026', secret: 'n'.repeat(40) }];
const BODY = JSON.stringify({ query: '{ _service { sdl } }', variables: {} });
const PRINCIPAL = encodePrincipal({ subject: 'key:a1', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] });

function signed(keys: SigningKeys, body = BODY, principal: string | null = PRINCIPAL, now = NOW): Record<string, string> {
  return { ...signRequest({ keys, body, principalHeader: principal, now }), ...(principal ? { [PRINCIPAL_HEADER]: principal } : {}) };
}

const reason = (result: VerificationResult) => (result.ok ? 'ok' : result.reason);

describe('request signing', () => {
  it('signs with the first key: key id, timestamp in seconds, v1=<64 hex>', () => {
    const headers = signRequest({ keys: [...NEW, ...OLD], body: BODY, now: NOW });
    expect(headers[KEY_ID_HEADER]).toBe('k2026');
    expect(headers[TIMESTAMP_HEADER]).toBe(String(NOW / 1000));
    expect(headers[SIGNATURE_HEADER]).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('verifies a signed request and hands back the principal header it covers', () => {
    expect(verifyRequest({ keys: NEW, headers: signed(NEW), body: BODY, now: NOW })).toEqual({ ok: true, keyId: 'k2026', principalHeader: PRINCIPAL });
    expect(verifyRequest({ keys: NEW, headers: signed(NEW, BODY, null), body: Buffer.from(BODY), now: NOW })).toEqual({
      ok: true,
      keyId: 'k2026',
      principalHeader: null,
    });
  });

  it('signs a text body as its UTF-8 bytes: the service verifies the bytes it received', () => {
    const chinese = JSON.stringify({ query: '{ zone(id: "yongkang") { nameZh } }', variables: { name: '永康经济开发区' } });
    const headers = signed(NEW, chinese);
    expect(verifyRequest({ keys: NEW, headers, body: Buffer.from(chinese, 'utf8'), now: NOW })).toMatchObject({ ok: true });
    expect(reason(verifyRequest({ keys: NEW, headers, body: Buffer.from(chinese, 'latin1'), now: NOW }))).toBe('BAD_SIGNATURE');
  });

  it('refuses a tampered body, down to one byte', () => {
    const tampered = BODY.replace('sdl', 'sdL');
    expect(reason(verifyRequest({ keys: NEW, headers: signed(NEW), body: tampered, now: NOW }))).toBe('BAD_SIGNATURE');
    expect(reason(verifyRequest({ keys: NEW, headers: signed(NEW), body: `${BODY} `, now: NOW }))).toBe('BAD_SIGNATURE');
  });

  it('refuses a tampered, added or removed principal', () => {
    const admin = encodePrincipal({ subject: 'key:a1', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] });
    expect(reason(verifyRequest({ keys: NEW, headers: { ...signed(NEW), [PRINCIPAL_HEADER]: admin }, body: BODY, now: NOW }))).toBe('BAD_SIGNATURE');
    expect(reason(verifyRequest({ keys: NEW, headers: { ...signed(NEW, BODY, null), [PRINCIPAL_HEADER]: admin }, body: BODY, now: NOW }))).toBe(
      'BAD_SIGNATURE',
    );
    const { [PRINCIPAL_HEADER]: removed, ...withoutPrincipal } = signed(NEW);
    expect(removed).toBe(PRINCIPAL);
    expect(reason(verifyRequest({ keys: NEW, headers: withoutPrincipal, body: BODY, now: NOW }))).toBe('BAD_SIGNATURE');
  });

  it('refuses a replay or a clock skew beyond five minutes either way, and accepts within', () => {
    const headers = signed(NEW);
    expect(reason(verifyRequest({ keys: NEW, headers, body: BODY, now: NOW + 5 * 60_000 }))).toBe('ok');
    expect(reason(verifyRequest({ keys: NEW, headers, body: BODY, now: NOW + 5 * 60_000 + 1001 }))).toBe('STALE_TIMESTAMP');
    expect(reason(verifyRequest({ keys: NEW, headers, body: BODY, now: NOW - 5 * 60_000 - 1 }))).toBe('STALE_TIMESTAMP');
    expect(reason(verifyRequest({ keys: NEW, headers: { ...headers, [TIMESTAMP_HEADER]: String(NOW / 1000 + 1) }, body: BODY, now: NOW }))).toBe(
      'BAD_SIGNATURE',
    );
    expect(reason(verifyRequest({ keys: NEW, headers: { ...headers, [TIMESTAMP_HEADER]: '1e9' }, body: BODY, now: NOW }))).toBe('STALE_TIMESTAMP');
  });

  it('refuses missing headers, an unknown key, another secret and malformed signatures', () => {
    const headers = signed(NEW);
    for (const name of [KEY_ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER]) {
      const { [name]: _dropped, ...rest } = headers;
      expect(reason(verifyRequest({ keys: NEW, headers: rest, body: BODY, now: NOW }))).toBe('MISSING_HEADERS');
    }
    expect(reason(verifyRequest({ keys: NEW, headers: {}, body: BODY, now: NOW }))).toBe('MISSING_HEADERS');
    expect(reason(verifyRequest({ keys: NEW, headers: { ...headers, [SIGNATURE_HEADER]: [headers[SIGNATURE_HEADER]!] }, body: BODY, now: NOW }))).toBe(
      'MISSING_HEADERS',
    );
    expect(reason(verifyRequest({ keys: OLD, headers, body: BODY, now: NOW }))).toBe('UNKNOWN_KEY');
    const sameIdOtherSecret: SigningKeys = [{ id: 'k2026', secret: 'x'.repeat(40) }];
    expect(reason(verifyRequest({ keys: sameIdOtherSecret, headers, body: BODY, now: NOW }))).toBe('BAD_SIGNATURE');
    for (const value of ['v1=', 'v1=zz', `v2=${'0'.repeat(64)}`, headers[SIGNATURE_HEADER]!.toUpperCase(), `${headers[SIGNATURE_HEADER]!}00`]) {
      expect(reason(verifyRequest({ keys: NEW, headers: { ...headers, [SIGNATURE_HEADER]: value }, body: BODY, now: NOW }))).toBe('BAD_SIGNATURE');
    }
  });

  it('rotates: add the new key second, swap, remove the old one, without a refused request', () => {
    const start = OLD;
    const added: SigningKeys = [...OLD, ...NEW];
    const swapped: SigningKeys = [...NEW, ...OLD];
    const done = NEW;
    // Each step is deployed service by service: senders and receivers on adjacent steps must agree.
    const steps = [start, added, swapped, done];
    for (let i = 0; i + 1 < steps.length; i += 1) {
      for (const [sender, receiver] of [
        [steps[i]!, steps[i + 1]!],
        [steps[i + 1]!, steps[i]!],
      ] as const) {
        expect(reason(verifyRequest({ keys: receiver, headers: signed(sender), body: BODY, now: NOW }))).toBe('ok');
      }
    }
    // Skipping a step is what breaks: a sender on the new key alone before every receiver knows it.
    expect(reason(verifyRequest({ keys: start, headers: signed(done), body: BODY, now: NOW }))).toBe('UNKNOWN_KEY');
  });
});

describe('SERVICE_SIGNING_KEYS', () => {
  const problems = (value: string | undefined): string[] => {
    try {
      parseSigningKeys(value);
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
    }
  };

  it('parses keyId:secret pairs, the first one signing, secrets may contain colons', () => {
    const secret = `${'s'.repeat(30)}:=+/`;
    expect(parseSigningKeys(` a:${secret} , b.2:${'t'.repeat(32)}`)).toEqual([
      { id: 'a', secret },
      { id: 'b.2', secret: 't'.repeat(32) },
    ]);
    const generated = generateSigningKeys();
    expect(parseSigningKeys(formatSigningKeys(generated))).toEqual(generated);
    expect(generateSigningKeys()[0].secret).not.toBe(generated[0].secret);
  });

  it('names the variable and every problem', () => {
    expect(problems(undefined)).toEqual([expect.stringMatching(/^SERVICE_SIGNING_KEYS: required/)]);
    expect(problems('  ')).toEqual([expect.stringMatching(/^SERVICE_SIGNING_KEYS: required/)]);
    expect(problems(`a:short,${'x'.repeat(40)},b c:${'y'.repeat(32)},d:${'z'.repeat(32)},d:${'z'.repeat(32)}`)).toEqual([
      'SERVICE_SIGNING_KEYS: key "a": the secret must be at least 32 characters',
      'SERVICE_SIGNING_KEYS: entry 2 is not keyId:secret',
      expect.stringMatching(/^SERVICE_SIGNING_KEYS: entry 3: key id "b c" must be/),
      'SERVICE_SIGNING_KEYS: key "d" is listed twice',
    ]);
  });
});
