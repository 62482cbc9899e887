import type { Principal } from '@devzone/auth';
import { parse } from 'graphql';
import { loadFrontDoorConfig } from '../config';
import { introspects, mayIntrospect } from './introspectionPolicy';

const caller = (...roles: Principal['roles']): Principal => ({ subject: 'key:x', roles, provinces: ['anhui'], zoneIds: [] });

describe('introspection policy', () => {
  it.each([
    ['analysts', [true, true, false, false, false]],
    ['all', [true, true, true, true, false]],
    ['off', [false, false, false, false, false]],
  ] as const)('%s: admin, analyst, BI reader, zone system, anonymous', (policy, expected) => {
    const principals = [caller('ADMIN'), caller('ANALYST'), caller('BI_READER'), caller('ZONE_SYSTEM'), null];
    expect(principals.map((p) => mayIntrospect(policy, p))).toEqual(expected);
  });

  it('finds __schema and __type anywhere, fragments included, and not __typename', () => {
    expect(introspects(parse('{ __schema { types { name } } }'))).toBe(true);
    expect(introspects(parse('{ zones { id } ...F } fragment F on Query { __type(name: "Zone") { name } }'))).toBe(true);
    expect(introspects(parse('{ __typename zones { __typename id } }'))).toBe(false);
  });

  it('GATEWAY_INTROSPECTION: analysts by default, all or off, anything else refused', () => {
    expect(loadFrontDoorConfig({}).introspection).toBe('analysts');
    expect(loadFrontDoorConfig({ GATEWAY_INTROSPECTION: 'all' }).introspection).toBe('all');
    expect(loadFrontDoorConfig({ GATEWAY_INTROSPECTION: 'off' }).introspection).toBe('off');
    expect(() => loadFrontDoorConfig({ GATEWAY_INTROSPECTION: 'everyone' })).toThrow(/GATEWAY_INTROSPECTION/);
  });
});
