import { EnterpriseFlag, EnterpriseOrder } from '../graphql/types/enums';
import { filterDigest } from './filterDigest';
import { decodeCursor, encodeCursor, type CursorBinding } from './pageCursor';
import { ENTERPRISE_ORDERS } from './pageOrders';

const binding: CursorBinding = { zoneId: 'yongkang', order: EnterpriseOrder.TAX_DESC, filter: filterDigest({ industry: '五金' }) };
const order = ENTERPRISE_ORDERS[EnterpriseOrder.TAX_DESC];
const encodedBody = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');

describe('page cursors', () => {
  it('read back the position they were made from, a null key included', () => {
    for (const position of [
      { keys: [1234.5], id: 'yongkang:sanfeng' },
      { keys: [null], id: 'yongkang:z' },
    ]) {
      const cursor = encodeCursor(binding, position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, binding, order)).toEqual({ ok: true, position });
    }
  });

  it('are refused for another zone, order or filter, naming what they belong to', () => {
    const cursor = encodeCursor(binding, { keys: [1], id: 'yongkang:a' });
    expect(decodeCursor(cursor, { ...binding, zoneId: 'chengxi' }, order)).toEqual({
      ok: false,
      problem: 'is a cursor of zone "yongkang", not of zone "chengxi"',
    });
    expect(decodeCursor(cursor, { ...binding, order: EnterpriseOrder.OUTPUT_DESC }, order)).toEqual({
      ok: false,
      problem: 'is a cursor of order TAX_DESC, not of OUTPUT_DESC',
    });
    expect(decodeCursor(cursor, { ...binding, filter: filterDigest(undefined) }, order)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('another filter'),
    });
  });

  it('are refused when they are not cursors: garbage, wrong key types, oversized', () => {
    const valid = { v: 1, z: 'yongkang', o: 'TAX_DESC', f: binding.filter, k: [1], i: 'yongkang:a' };
    for (const garbage of [
      '',
      'not a cursor!',
      'eyJ',
      encodedBody('text'),
      encodedBody({ ...valid, v: 2 }),
      encodedBody({ ...valid, k: ['1'] }),
      encodedBody({ ...valid, k: [1, 2] }),
      encodedBody({ ...valid, i: '' }),
      encodedBody({ ...valid, i: 'a\u0000' }),
      'A'.repeat(1001),
    ])
      expect(decodeCursor(garbage, binding, order)).toMatchObject({ ok: false, problem: expect.stringContaining('not a cursor of this list') });
    expect(decodeCursor(encodedBody(valid), binding, order)).toEqual({ ok: true, position: { keys: [1], id: 'yongkang:a' } });
  });

  it('check integer keys against the column type and text keys against nulls', () => {
    const employees = ENTERPRISE_ORDERS[EnterpriseOrder.EMPLOYEES_DESC];
    const names = ENTERPRISE_ORDERS[EnterpriseOrder.NAME_ASC];
    const at = (o: string, k: unknown[]) => encodedBody({ v: 1, z: 'yongkang', o, f: binding.filter, k, i: 'yongkang:a' });
    const employeesBinding = { ...binding, order: EnterpriseOrder.EMPLOYEES_DESC };
    const namesBinding = { ...binding, order: EnterpriseOrder.NAME_ASC };
    expect(decodeCursor(at('EMPLOYEES_DESC', [12]), employeesBinding, employees).ok).toBe(true);
    expect(decodeCursor(at('EMPLOYEES_DESC', [1.5]), employeesBinding, employees).ok).toBe(false);
    expect(decodeCursor(at('EMPLOYEES_DESC', [2 ** 31]), employeesBinding, employees).ok).toBe(false);
    expect(decodeCursor(at('NAME_ASC', [null]), namesBinding, names).ok).toBe(false);
  });
});

describe('filter digests', () => {
  it('are equal for filters that select the same rows, and differ otherwise', () => {
    expect(filterDigest(undefined)).toBe(filterDigest({}));
    expect(filterDigest({ nameContains: '', flags: [] })).toBe(filterDigest(null));
    expect(filterDigest({ flags: [EnterpriseFlag.LISTED, EnterpriseFlag.HIGH_TECH] })).toBe(
      filterDigest({ flags: [EnterpriseFlag.HIGH_TECH, EnterpriseFlag.LISTED] }),
    );
    expect(filterDigest({ industry: 'a', nameContains: 'b' })).toBe(filterDigest({ nameContains: 'b', industry: 'a' }));
    expect(filterDigest({ industry: 'a' })).not.toBe(filterDigest({ nameContains: 'a' }));
    expect(filterDigest({ industry: 'a' })).not.toBe(filterDigest(undefined));
  });
});
