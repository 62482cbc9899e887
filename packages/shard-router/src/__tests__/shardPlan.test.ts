import { planShards, zoneOfRepresentation } from '../shardPlan';

const hosts: Record<string, { name: string }> = {
  chuzhou: { name: 'anhui' },
  feixi: { name: 'anhui' },
  chengxi: { name: 'jiangsu' },
};
const serviceForZone = (zoneId: string) => hosts[zoneId];
const ref = (id: string) => ({ __typename: 'Enterprise', id });

describe('zoneOfRepresentation', () => {
  it('reads the zone from the global id, or null when there is none', () => {
    expect(zoneOfRepresentation({ __typename: 'Zone', id: 'chuzhou' })).toBe('chuzhou');
    expect(zoneOfRepresentation(ref('chuzhou:e1'))).toBe('chuzhou');
    expect(zoneOfRepresentation({ __typename: 'Zone' })).toBeNull();
    expect(zoneOfRepresentation({ __typename: 'Zone', id: 7 })).toBeNull();
    expect(zoneOfRepresentation(null)).toBeNull();
  });
});

describe('planShards', () => {
  it('groups by hosting service, one part per service whatever its number of zones', () => {
    const plan = planShards([ref('chengxi:e1'), ref('chuzhou:e2'), ref('feixi:e1'), ref('chengxi:e2'), ref('chuzhou:e1')], serviceForZone);

    expect(plan.total).toBe(5);
    expect(plan.parts.map((part) => part.service.name)).toEqual(['jiangsu', 'anhui']);
    const [jiangsu, anhui] = plan.parts;
    expect(jiangsu!.originalIndices).toEqual([0, 3]);
    expect(jiangsu!.representations).toEqual([ref('chengxi:e1'), ref('chengxi:e2')]);
    expect([...jiangsu!.firstIndexOfZone]).toEqual([['chengxi', 0]]);
    expect(anhui!.originalIndices).toEqual([1, 2, 4]);
    expect(anhui!.representations).toEqual([ref('chuzhou:e2'), ref('feixi:e1'), ref('chuzhou:e1')]);
    expect([...anhui!.firstIndexOfZone]).toEqual([
      ['chuzhou', 1],
      ['feixi', 2],
    ]);
    expect(plan.unrouted).toEqual([]);
  });

  it('sets aside zones no service hosts and representations without an id, once per zone', () => {
    const plan = planShards([ref('nowhere:e1'), ref('chuzhou:e1'), { __typename: 'Zone' }, ref('nowhere:e2')], serviceForZone);

    expect(plan.parts.map((part) => part.originalIndices)).toEqual([[1]]);
    expect(plan.unrouted).toEqual([
      { zoneId: 'nowhere', firstIndex: 0 },
      { zoneId: null, firstIndex: 2 },
    ]);
  });

  it('plans nothing for no representations', () => {
    expect(planShards([], serviceForZone)).toEqual({ total: 0, parts: [], unrouted: [] });
  });
});
