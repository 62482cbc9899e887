import { GraphQLError } from 'graphql';
import { describeProvinces, matchProvince, resolveProvinceInput, resolveProvinceInputs, type ProvinceName } from './resolveProvinceInput';

const PROVINCES: ProvinceName[] = [
  { code: 'zhejiang', nameZh: '浙江省', nameEn: 'Zhejiang' },
  { code: 'anhui', nameZh: '安徽省', nameEn: 'Anhui' },
  { code: 'fujian', nameZh: '福建省', nameEn: 'Fujian' },
  { code: 'shanghai', nameZh: '上海市', nameEn: 'Shanghai' },
];

function caught(call: () => unknown): GraphQLError {
  try {
    call();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('matchProvince', () => {
  it.each(['anhui', 'ANHUI', 'Anhui', '安徽', '安徽省', '  安徽省 ', 'ＡＮＨＵＩ'])('reads %j as anhui', (input) => {
    expect(matchProvince(input, PROVINCES)).toBe('anhui');
  });

  it('strips 市 from a municipality and keeps the provinces apart', () => {
    expect(matchProvince('上海', PROVINCES)).toBe('shanghai');
    expect(matchProvince('浙江', PROVINCES)).toBe('zhejiang');
    expect(matchProvince('福建省', PROVINCES)).toBe('fujian');
  });

  it.each(['anhwei', '安', '省', '', '   ', 'an hui', '安徽市'])('finds nothing for %j', (input) => {
    expect(matchProvince(input, PROVINCES)).toBeNull();
  });
});

describe('resolveProvinceInput', () => {
  it('returns the code', () => {
    expect(resolveProvinceInput('Fujian', PROVINCES, 'province')).toBe('fujian');
  });

  it('refuses an unknown province naming the field and listing every valid code with its names, in code order', () => {
    const error = caught(() => resolveProvinceInput('anhwei', PROVINCES, 'province'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'province' });
    expect(error.message).toBe(
      'province: unknown province "anhwei"; valid: anhui (安徽省, Anhui), fujian (福建省, Fujian), shanghai (上海市, Shanghai), zhejiang (浙江省, Zhejiang)',
    );
  });
});

describe('resolveProvinceInputs', () => {
  it('resolves every input in order', () => {
    expect(resolveProvinceInputs(['安徽', 'zhejiang', 'Fujian'], PROVINCES, 'provinces')).toEqual(['anhui', 'zhejiang', 'fujian']);
  });

  it('lists every unknown input at once', () => {
    const error = caught(() => resolveProvinceInputs(['anhui', 'atlantis', 'mu'], PROVINCES, 'input.provinces'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.provinces' });
    expect(error.message).toMatch(/^input\.provinces: unknown provinces "atlantis", "mu"; valid: anhui \(安徽省, Anhui\)/);
  });

  it('refuses two spellings of one province', () => {
    expect(caught(() => resolveProvinceInputs(['anhui', '安徽省'], PROVINCES, 'provinces')).message).toBe(
      'provinces: "anhui" and "安徽省" both name province "anhui"',
    );
    expect(caught(() => resolveProvinceInputs(['anhui', 'anhui'], PROVINCES, 'provinces')).message).toBe('provinces: "anhui" is listed twice');
  });
});

test('describeProvinces does not reorder its input', () => {
  const before = PROVINCES.map((p) => p.code);
  expect(describeProvinces(PROVINCES)).toMatch(/^anhui .*zhejiang \(浙江省, Zhejiang\)$/);
  expect(PROVINCES.map((p) => p.code)).toEqual(before);
});
