import { checkRegistration } from '../registrationSchema';

const ningguo = { id: 'ningguo', nameZh: '宁国经济技术开发区', nameEn: 'Ningguo ETDZ', provinceCode: 'anhui', city: '宁国市', level: 'national' };
const valid = { name: 'anhui', url: 'http://127.0.0.1:4014/graphql', contact: { name: '园区信息中心', email: 'it@example.cn' }, zones: [ningguo] };

function problemsOf(payload: unknown) {
  const result = checkRegistration(payload);
  if (result.ok) throw new Error('expected the payload to be refused');
  return result.problems;
}

describe('registration payload', () => {
  it('accepts a valid registration and defaults a zone level to unknown', () => {
    const { level: _level, ...withoutLevel } = ningguo;
    const result = checkRegistration({
      ...valid,
      zones: [withoutLevel, { ...ningguo, id: 'feixi', city: '肥西县', recordCompleteness: { enterprises: 'COMPLETE' } }],
    });
    expect(result).toEqual({
      ok: true,
      registration: {
        ...valid,
        zones: [
          { ...ningguo, level: 'unknown' },
          { ...ningguo, id: 'feixi', city: '肥西县', recordCompleteness: { enterprises: 'COMPLETE' } },
        ],
      },
    });
  });

  it.each([
    ['name', { ...valid, name: 'Anhui' }],
    ['name', { ...valid, name: 'a' }],
    ['url', { ...valid, url: 'ftp://example.cn/graphql' }],
    ['url', { ...valid, url: 'not a url' }],
    ['contact.name', { ...valid, contact: { name: '  ' } }],
    ['contact.email', { ...valid, contact: { name: 'x', email: 'nobody' } }],
    ['contact.phone', { ...valid, contact: { name: 'x', phone: 'call me' } }],
    ['zones', { ...valid, zones: [] }],
    ['zones[0].id', { ...valid, zones: [{ ...ningguo, id: 'Ningguo' }] }],
    ['zones[1].id', { ...valid, zones: [ningguo, ningguo] }],
    ['zones[0].nameZh', { ...valid, zones: [{ ...ningguo, nameZh: '' }] }],
    ['zones[0].nameEn', { ...valid, zones: [{ ...ningguo, nameEn: '' }] }],
    ['zones[0].provinceCode', { ...valid, zones: [{ ...ningguo, provinceCode: 'An-hui' }] }],
    ['zones[0].city', { ...valid, zones: [{ ...ningguo, city: '宁国' }] }],
    ['zones[0].city', { ...valid, zones: [{ ...ningguo, city: 'Ningguo市' }] }],
    ['zones[0].level', { ...valid, zones: [{ ...ningguo, level: 'municipal' }] }],
    ['zones[0].recordCompleteness.honors', { ...valid, zones: [{ ...ningguo, recordCompleteness: { honors: 'PARTIAL' } }] }],
  ])('refuses a bad %s, naming it', (path, payload) => {
    const problems = problemsOf(payload);
    expect(problems.map((problem) => problem.path)).toEqual([path]);
    expect(problems[0]!.check).toBe('payload');
  });

  it('refuses unknown keys, naming each of them', () => {
    const problems = problemsOf({ ...valid, owner: 'x', zones: [{ ...ningguo, population: 1 }] });
    expect(problems).toEqual(
      expect.arrayContaining([
        { check: 'payload', path: 'owner', message: 'unknown field "owner"' },
        { check: 'payload', path: 'zones[0].population', message: 'unknown field "population"' },
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('lists every problem at once, and refuses what is not an object', () => {
    expect(problemsOf({ name: 'anhui' }).map((problem) => problem.path)).toEqual(['url', 'contact', 'zones']);
    expect(problemsOf('anhui')).toEqual([expect.objectContaining({ check: 'payload', path: '(root)' })]);
  });
});
