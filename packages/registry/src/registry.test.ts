import { zoneIdOf, localIdOf, globalId } from './globalId';
import { StaticZoneServiceRegistry } from './registry';

describe('StaticZoneServiceRegistry', () => {
  const anhui = { name: 'anhui', url: 'http://localhost:4014/', zoneIds: ['chuzhou', 'feixi'] };

  it('routes each zone to its service', () => {
    const registry = new StaticZoneServiceRegistry([anhui, { name: 'jinjiang', url: 'http://localhost:4013/', zoneIds: ['jinjiang'] }]);
    expect(registry.serviceForZone('feixi')?.name).toBe('anhui');
    expect(registry.serviceForZone('nowhere')).toBeUndefined();
  });

  it('refuses a zone hosted twice, a duplicate name and a bad url, naming the field', () => {
    expect(() => new StaticZoneServiceRegistry([anhui, { ...anhui, name: 'other' }])).toThrow(
      /\[1\]\.zoneIds\[0\]: zone "chuzhou" is already hosted by service "anhui"/,
    );
    expect(() => new StaticZoneServiceRegistry([anhui, { ...anhui, zoneIds: ['x1'] }])).toThrow(/\[1\]\.name: duplicate service name "anhui"/);
    expect(() => new StaticZoneServiceRegistry([{ ...anhui, url: 'not a url' }])).toThrow(/\[0\]\.url/);
  });

  it('reads ZONE_SERVICES and names it when it is not JSON', () => {
    expect(StaticZoneServiceRegistry.fromEnv({ ZONE_SERVICES: JSON.stringify([anhui]) }).services()).toHaveLength(1);
    expect(() => StaticZoneServiceRegistry.fromEnv({ ZONE_SERVICES: '[{' })).toThrow(/^ZONE_SERVICES is not valid JSON/);
    expect(() => StaticZoneServiceRegistry.fromEnv({})).toThrow(/ZONE_SERVICES is not set/);
  });
});

test('global ids carry their zone', () => {
  expect(zoneIdOf('chuzhou:rongshida')).toBe('chuzhou');
  expect(zoneIdOf('chuzhou')).toBe('chuzhou');
  expect(localIdOf('chuzhou:a:b')).toBe('a:b');
  expect(globalId('feixi', 'yifan')).toBe('feixi:yifan');
});
