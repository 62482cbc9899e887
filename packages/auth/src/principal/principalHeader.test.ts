import { decodePrincipal, encodePrincipal } from './principalHeader';
import type { Principal } from './principal';

const analyst: Principal = { subject: 'key:k1', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };

describe('principal header', () => {
  it('round-trips a principal', () => {
    expect(decodePrincipal(encodePrincipal(analyst))).toEqual(analyst);
    expect(decodePrincipal(encodePrincipal({ ...analyst, roles: ['ADMIN'], provinces: 'ALL' }))).toMatchObject({ provinces: 'ALL' });
  });

  it('trusts nothing malformed', () => {
    expect(decodePrincipal(undefined)).toBeNull();
    expect(decodePrincipal('not base64 json')).toBeNull();
    expect(decodePrincipal(Buffer.from(JSON.stringify({ ...analyst, roles: ['ROOT'] })).toString('base64url'))).toBeNull();
    expect(decodePrincipal(Buffer.from(JSON.stringify({ ...analyst, extra: 1 })).toString('base64url'))).toBeNull();
  });
});
