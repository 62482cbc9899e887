import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { asZoneEntitiesOperation, ENTERPRISES_ENTITIES_QUERY } from './zoneEntityOperations';
import { FIGURES_ENTITIES_QUERY } from './zoneReaderOperations';

/** The zone subgraph's committed schema: what every zone service answers. */
const zoneSchema = buildSubgraphSchema(parse(readFileSync(resolve(__dirname, '../../../../packages/zone-subgraph/schema.graphql'), 'utf8')));

describe('the zone reads as the _entities operations zone services answer', () => {
  it.each([
    ['figures', FIGURES_ENTITIES_QUERY],
    ['enterprises', ENTERPRISES_ENTITIES_QUERY],
  ])('%s: valid against the zone subgraph schema', (_name, operation) => {
    expect(validate(zoneSchema, parse(operation))).toEqual([]);
  });

  it('keeps the selection of Zone and the variables other than $ids', () => {
    const operation = asZoneEntitiesOperation('query Q($ids: [ID!]!, $first: Int!) { zones(ids: $ids) { id enterprises(first: $first) { totalCount } } }');
    expect(operation).toBe(
      'query Q($representations: [_Any!]!, $first: Int!) { _entities(representations: $representations) { ... on Zone {\n  id\n  enterprises(first: $first) {\n    totalCount\n  }\n} } }',
    );
  });

  it('refuses an operation that reads anything besides zones', () => {
    expect(() => asZoneEntitiesOperation('query ($ids: [ID!]!) { zones(ids: $ids) { id } provinces { code } }')).toThrow(
      'selects `zones(ids:) { … }` and nothing else',
    );
  });
});
