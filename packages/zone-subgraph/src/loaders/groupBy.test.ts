import { groupByKey, indexByKey, likePattern } from './groupBy';

test('groupByKey returns one group per key in key order, empty when none', () => {
  const rows = [
    { k: 'b', v: 1 },
    { k: 'a', v: 2 },
    { k: 'b', v: 3 },
  ];
  expect(groupByKey(['a', 'b', 'c'], rows, (r) => r.k)).toEqual([
    [{ k: 'a', v: 2 }],
    [
      { k: 'b', v: 1 },
      { k: 'b', v: 3 },
    ],
    [],
  ]);
});

test('indexByKey returns null for missing keys', () => {
  expect(indexByKey(['x', 'y'], [{ id: 'y' }], (r) => r.id)).toEqual([null, { id: 'y' }]);
});

test('likePattern escapes LIKE wildcards in user text', () => {
  expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
});
