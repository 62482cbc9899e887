import { generateZones } from './generateZones';

describe('generateZones', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateZones({ zones: 2, enterprisesPerZone: 30, seed: 42 });
    expect(generateZones({ zones: 2, enterprisesPerZone: 30, seed: 42 })).toEqual(a);
    expect(generateZones({ zones: 2, enterprisesPerZone: 30, seed: 43 })).not.toEqual(a);
  });

  it('makes the requested shape, every name marked synthetic', () => {
    const zones = generateZones({ zones: 3, enterprisesPerZone: 50, prefix: 'bench' });
    expect(zones.map((z) => z.zone.id)).toEqual(['bench-1', 'bench-2', 'bench-3']);
    for (const zone of zones) {
      expect(zone.enterprises).toHaveLength(50);
      expect(zone.partyOrganizations).toHaveLength(1 + 10);
      expect([...zone.enterprises, ...zone.partyOrganizations].every((r) => r.nameZh.startsWith('合成'))).toBe(true);
      const enterprises = new Set(zone.enterprises.map((e) => e.localId));
      expect(zone.partyOrganizations.flatMap((o) => o.enterpriseLocalIds).every((id) => enterprises.has(id))).toBe(true);
      expect(zone.enterprises.some((e) => 'source' in e)).toBe(false);
      expect(Object.values(zone.zone.recordCompleteness)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete']);
      expect(zone.zone.recordsAsOf).toBe('2023-12-31');
    }
  });
});
