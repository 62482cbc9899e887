import { CHECKED_ID, withCheckedIds } from '../entityIdCheck';

const QUERY = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Zone { name } } }';

describe('withCheckedIds', () => {
  it("asks each type's id under the checked alias, one fragment per type, after what was asked", () => {
    const zone = withCheckedIds(QUERY, ['Zone']);
    expect(zone).toContain(`... on Zone {\n      name\n    }\n    ... on Zone {\n      ${CHECKED_ID}: id\n    }`);
    const both = withCheckedIds(QUERY, ['Zone', 'Enterprise']);
    expect(both).toContain(`... on Enterprise {\n      ${CHECKED_ID}: id\n    }`);
    expect(both).not.toEqual(zone);
  });

  it('gives the same text again for the same query and types, and another for other types of the same query', () => {
    const first = withCheckedIds(QUERY, ['Zone']);
    expect(withCheckedIds(QUERY, ['Zone'])).toBe(first);
    expect(withCheckedIds(QUERY, ['Enterprise'])).toContain(`... on Enterprise {\n      ${CHECKED_ID}: id\n    }`);
    expect(withCheckedIds(QUERY, ['Enterprise'])).not.toContain(`... on Zone {\n      ${CHECKED_ID}`);
    expect(withCheckedIds(QUERY, ['Zone'])).toBe(first);
  });

  it('sends a query that does not parse as it is, every time', () => {
    expect(withCheckedIds('{ _entities(', ['Zone'])).toBe('{ _entities(');
    expect(withCheckedIds('{ _entities(', ['Zone'])).toBe('{ _entities(');
  });
});
