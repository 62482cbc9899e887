import { zoneIdOf, localIdOf, globalId } from './globalId';
import { MutableZoneServiceRegistry, StaticZoneServiceRegistry } from './registry';

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

describe('MutableZoneServiceRegistry', () => {
  const anhui = { name: 'anhui', url: 'http://localhost:4014/', zoneIds: ['chuzhou', 'ningguo'] };
  const ningguo = { name: 'ningguo', url: 'http://localhost:4020/', zoneIds: ['ningguo'] };

  it('swaps the list at once, keeps the snapshot a request started with, and tells listeners', () => {
    const registry = new MutableZoneServiceRegistry([anhui]);
    const before = registry.snapshot();
    const seen: string[][] = [];
    registry.onChange((services) => seen.push(services.map((s) => s.name)));
    registry.replace([{ ...anhui, zoneIds: ['chuzhou'] }, ningguo]);
    expect(registry.serviceForZone('ningguo')?.name).toBe('ningguo');
    expect(before.serviceForZone('ningguo')?.name).toBe('anhui');
    expect(seen).toEqual([['anhui', 'ningguo']]);
  });

  it('keeps the old list when the new one is invalid', () => {
    const registry = new MutableZoneServiceRegistry([anhui]);
    expect(() => registry.replace([anhui, ningguo])).toThrow(/zone "ningguo" is already hosted by service "anhui"/);
    expect(registry.services()).toEqual([anhui]);
  });
});
