import type { Principal } from '@devzone/auth';
import { mayReadZone, readableOf, readableProvinceCodes, readScopeOf } from './readScope';

const principal = (p: Partial<Principal>): Principal => ({ subject: 'key:test', roles: ['ANALYST'], provinces: [], zoneIds: [], ...p });

const DIRECTORY = [
  { id: 'chuzhou', provinceCode: 'anhui' },
  { id: 'ningguo', provinceCode: 'anhui' },
  { id: 'yongkang', provinceCode: 'zhejiang' },
  { id: 'chengxi', provinceCode: 'zhejiang' },
  { id: 'jinjiang', provinceCode: 'fujian' },
];
const PROVINCES = ['anhui', 'fujian', 'zhejiang'];
const readable = (p: Principal | null) => readableOf(readScopeOf(p), DIRECTORY).map((z) => z.id);

describe('which zones a principal may read', () => {
  it.each<[string, Principal | null, string[]]>([
    ['nobody (no principal forwarded)', null, []],
    ['an administrator, whatever its provinces say', principal({ roles: ['ADMIN'], provinces: ['anhui'] }), DIRECTORY.map((z) => z.id)],
    ['a national analyst', principal({ provinces: 'ALL' }), DIRECTORY.map((z) => z.id)],
    ['an Anhui analyst', principal({ provinces: ['anhui'] }), ['chuzhou', 'ningguo']],
    ['an analyst of two provinces', principal({ provinces: ['anhui', 'fujian'] }), ['chuzhou', 'ningguo', 'jinjiang']],
    ['an analyst of no province', principal({ provinces: [] }), []],
    ['a Zhejiang BI reader', principal({ roles: ['BI_READER'], provinces: ['zhejiang'] }), ['yongkang', 'chengxi']],
    ['a national BI reader', principal({ roles: ['BI_READER'], provinces: 'ALL' }), DIRECTORY.map((z) => z.id)],
    ['a zone system: its own zones only', principal({ roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['yongkang'] }), ['yongkang']],
    [
      'a zone system granted ALL provinces still reads only its zones',
      principal({ roles: ['ZONE_SYSTEM'], provinces: 'ALL', zoneIds: ['ningguo'] }),
      ['ningguo'],
    ],
    ['an analyst holding zone ids reads by province only', principal({ provinces: ['fujian'], zoneIds: ['yongkang'] }), ['jinjiang']],
    [
      'roles add up: Anhui analyst and Yongkang zone system',
      principal({ roles: ['ANALYST', 'ZONE_SYSTEM'], provinces: ['anhui'], zoneIds: ['yongkang'] }),
      ['chuzhou', 'ningguo', 'yongkang'],
    ],
  ])('%s', (_label, who, zones) => {
    expect(readable(who)).toEqual(zones);
  });

  it('reads a zone by its province or its id, nothing else', () => {
    const scope = readScopeOf(principal({ roles: ['ANALYST', 'ZONE_SYSTEM'], provinces: ['anhui'], zoneIds: ['yongkang'] }));
    expect(mayReadZone(scope, { id: 'feixi', provinceCode: 'anhui' })).toBe(true);
    expect(mayReadZone(scope, { id: 'yongkang', provinceCode: 'zhejiang' })).toBe(true);
    expect(mayReadZone(scope, { id: 'chengxi', provinceCode: 'zhejiang' })).toBe(false);
  });
});

describe('which provinces a principal may name', () => {
  it.each<[string, Principal | null, string[]]>([
    ['nobody', null, []],
    ['an administrator', principal({ roles: ['ADMIN'] }), PROVINCES],
    ['an Anhui analyst', principal({ provinces: ['anhui'] }), ['anhui']],
    ['an analyst of a province not in the directory', principal({ provinces: ['hubei'] }), []],
    ['a zone system: the provinces holding its zones', principal({ roles: ['ZONE_SYSTEM'], zoneIds: ['yongkang', 'jinjiang'] }), ['fujian', 'zhejiang']],
  ])('%s', (_label, who, provinces) => {
    expect([...readableProvinceCodes(readScopeOf(who), PROVINCES, DIRECTORY)].sort()).toEqual(provinces);
  });
});
