import { mergeEntities, zonesWithErrors } from '../mergeEntities';

describe('mergeEntities', () => {
  it('puts cached and fetched entities back in the original order, with error paths renumbered', () => {
    const cached = new Map<number, unknown>([
      [0, { id: 'yongkang', n: 1 }],
      [3, { id: 'feixi', n: 4 }],
    ]);
    const fetched = {
      entities: [{ id: 'chengxi', n: 2 }, null],
      errors: [
        { message: 'Zone "chuzhou" is unavailable', path: ['_entities', 1], extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou' } },
        { message: 'a field failed', path: ['_entities', 0, 'indicators'] },
        { message: 'no path' },
      ],
    };

    expect(mergeEntities(4, cached, [1, 2], fetched)).toEqual({
      entities: [{ id: 'yongkang', n: 1 }, { id: 'chengxi', n: 2 }, null, { id: 'feixi', n: 4 }],
      errors: [
        { message: 'Zone "chuzhou" is unavailable', path: ['_entities', 2], extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou' } },
        { message: 'a field failed', path: ['_entities', 1, 'indicators'] },
        { message: 'no path' },
      ],
    });
  });

  it('leaves positions null when the answer has no entities, and keeps its errors', () => {
    const merged = mergeEntities(2, new Map([[0, { id: 'yongkang' }]]), [1], { entities: null, errors: [{ message: 'boom' }] });
    expect(merged).toEqual({ entities: [{ id: 'yongkang' }, null], errors: [{ message: 'boom' }] });
  });
});

describe('zonesWithErrors', () => {
  const zoneOfSent = ['yongkang', 'feixi', 'chuzhou'];

  it('names the zone of each error placed on an entity or naming a zone', () => {
    const errors = [
      { message: 'field', path: ['_entities', 1, 'indicators', 0] },
      { message: 'down', extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou' } },
    ];
    expect(zonesWithErrors(errors, zoneOfSent)).toEqual(new Set(['feixi', 'chuzhou']));
    expect(zonesWithErrors([], zoneOfSent)).toEqual(new Set());
  });

  it("is 'all' when an error cannot be placed: nothing of the answer is stored", () => {
    expect(zonesWithErrors([{ message: 'internal', path: ['zone'] }], zoneOfSent)).toBe('all');
    expect(zonesWithErrors([{ message: 'beyond', path: ['_entities', 7] }], zoneOfSent)).toBe('all');
  });
});
