import { mergeEnterprisePages } from './mergeEnterprisePages';

const e = (id: string, nameZh: string, employees: number | null = null) => ({ id, nameZh, employees, outputValue: null, tax: null });

describe('mergeEnterprisePages', () => {
  const pages = [
    { zoneId: 'a', totalCount: 10, items: [e('a:1', '乙', 5), e('a:2', '丁', null)] },
    { zoneId: 'b', totalCount: 3, items: [e('b:1', '丙', 9), e('b:2', '甲', 5)] },
  ];

  it('orders names by code point, as the zone services do, and sums totals', () => {
    const merged = mergeEnterprisePages(pages, 'NAME_ASC', 0, 10);
    expect(merged.totalCount).toBe(13);
    expect(merged.items.map((i) => i.nameZh)).toEqual(['丁', '丙', '乙', '甲']);
  });

  it('orders by a number descending with nulls last and ids breaking ties, then pages', () => {
    expect(mergeEnterprisePages(pages, 'EMPLOYEES_DESC', 0, 10).items.map((i) => i.id)).toEqual(['b:1', 'a:1', 'b:2', 'a:2']);
    expect(mergeEnterprisePages(pages, 'EMPLOYEES_DESC', 1, 2).items.map((i) => i.id)).toEqual(['a:1', 'b:2']);
  });

  it('refuses an unknown order', () => {
    expect(() => mergeEnterprisePages(pages, 'SIZE', 0, 1)).toThrow('unknown order "SIZE"');
  });
});
