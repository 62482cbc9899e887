import type { Principal } from '@devzone/auth';
import { entryKeyOf, fetchScopeOf, type EntityKeyParts } from '../cacheKey';

const analyst: Principal = { subject: 'key:a', roles: ['ANALYST'], provinces: ['33'], zoneIds: [] };
const query = 'query Q__zones__1($representations:[_Any!]!){_entities(representations:$representations){...on Zone{indicators{code value}}}}';
const request = { query, variables: { representations: [{ __typename: 'Zone', id: 'yongkang' }], codes: ['party_org.count'] } };

describe('fetchScopeOf', () => {
  it('is the same for the same query, other variables and principal, whatever the representations', () => {
    const other = { ...request, variables: { ...request.variables, representations: [{ __typename: 'Zone', id: 'feixi' }] } };
    expect(fetchScopeOf(other, analyst)).toBe(fetchScopeOf(request, analyst));
  });

  it.each([
    ['the query text', { ...request, query: query.replace('value', 'value period') }, analyst],
    ['a variable other than representations', { ...request, variables: { ...request.variables, codes: ['honor.count'] } }, analyst],
    ['the principal (answers depend on scope)', request, { ...analyst, provinces: ['34'] }],
    ['no principal', request, null],
  ])('changes with %s', (_, changed, principal) => {
    expect(fetchScopeOf(changed, principal)).not.toBe(fetchScopeOf(request, analyst));
  });
});

describe('entryKeyOf', () => {
  const parts: EntityKeyParts = {
    fetchScope: fetchScopeOf(request, analyst),
    service: 'zhejiang\nhttp://127.0.0.1:4011/',
    zoneId: 'yongkang',
    version: '17',
    representation: { __typename: 'Zone', id: 'yongkang' },
  };

  it('is the same for the same parts', () => {
    expect(entryKeyOf({ ...parts, representation: { ...(parts.representation as object) } })).toBe(entryKeyOf(parts));
  });

  it.each<[string, Partial<EntityKeyParts>]>([
    ['fetch scope', { fetchScope: fetchScopeOf({ ...request, query: '{ other }' }, analyst) }],
    ['service (versions count per database)', { service: 'zhejiang\nhttp://127.0.0.1:4021/' }],
    ['zone', { zoneId: 'chengxi' }],
    ['version', { version: '18' }],
    ['representation', { representation: { __typename: 'Enterprise', id: 'yongkang:sanfeng' } }],
  ])('changes with the %s', (_, change) => {
    expect(entryKeyOf({ ...parts, ...change })).not.toBe(entryKeyOf(parts));
  });

  it('does not confuse parts that concatenate alike', () => {
    expect(entryKeyOf({ ...parts, zoneId: 'yong', version: 'kang17' })).not.toBe(entryKeyOf({ ...parts, zoneId: 'yongkang', version: '17' }));
  });
});
