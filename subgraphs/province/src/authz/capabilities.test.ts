import type { Principal, Role } from '@devzone/auth';
import { forbidden, may, requireCapability, type Capability } from './capabilities';

const as = (...roles: Role[]): Principal => ({ subject: 'key:test', roles, provinces: ['anhui'], zoneIds: [] });

describe('role × capability', () => {
  const matrix: [Capability, Record<Role, boolean>][] = [
    ['READ', { ADMIN: true, ANALYST: true, BI_READER: true, ZONE_SYSTEM: true }],
    ['ANALYSE', { ADMIN: true, ANALYST: true, BI_READER: false, ZONE_SYSTEM: false }],
    ['ANY_RUN', { ADMIN: true, ANALYST: false, BI_READER: false, ZONE_SYSTEM: false }],
    ['SERVICE_URLS', { ADMIN: true, ANALYST: false, BI_READER: false, ZONE_SYSTEM: false }],
    ['API_KEYS', { ADMIN: true, ANALYST: false, BI_READER: false, ZONE_SYSTEM: false }],
  ];
  it.each(matrix.flatMap(([capability, byRole]) => Object.entries(byRole).map(([role, allowed]) => [capability, role as Role, allowed] as const)))(
    '%s for %s: %s',
    (capability, role, allowed) => {
      expect(may(as(role), capability)).toBe(allowed);
    },
  );

  it('nothing without a principal', () => {
    expect(may(null, 'READ')).toBe(false);
  });

  it('any one role that allows it is enough', () => {
    expect(may(as('BI_READER', 'ANALYST'), 'ANALYSE')).toBe(true);
  });
});

describe('requireCapability', () => {
  it('returns the principal when allowed', () => {
    const analyst = as('ANALYST');
    expect(requireCapability(analyst, 'ANALYSE', 'compareZones')).toBe(analyst);
  });

  it('is UNAUTHENTICATED without a principal', () => {
    expect(() => requireCapability(null, 'ANALYSE', 'compareZones')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });

  it('is FORBIDDEN naming the action and the roles it needs, and nothing else', () => {
    expect(() => requireCapability(as('BI_READER'), 'ANALYSE', 'saveSelectionRun')).toThrow(
      expect.objectContaining({ message: 'saveSelectionRun needs the role ADMIN or ANALYST', extensions: { code: 'FORBIDDEN', action: 'saveSelectionRun' } }),
    );
    expect(forbidden('Zone.service.url', 'SERVICE_URLS').message).toBe('Zone.service.url needs the role ADMIN');
  });
});
