import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { composedFixture } from '../../__tests__/fixtures/schemas';
import type { SubgraphsOf } from '../estimateCost';
import { fanOutCostCheck } from '../fanOutCostPlugin';

const { schema, subgraphsOf: ownership } = composedFixture();

/** The check over a service count the test changes, counting the ownership lookups each estimate makes. */
function checkWith(maxCost: number) {
  const state = { services: 3, lookups: 0, subgraphs: undefined as unknown as SubgraphsOf };
  state.subgraphs = (type, field) => {
    state.lookups += 1;
    return ownership(type, field);
  };
  const check = fanOutCostCheck({ subgraphsOf: () => state.subgraphs, services: () => state.services, maxCost, pageSizeArguments: ['first'] });
  const verdict = (document: DocumentNode, variables: Record<string, unknown> = {}) => {
    try {
      check({ schema, document, operationName: undefined, variables });
      return 'accepted';
    } catch (error) {
      if (error instanceof GraphQLError) return `refused: ${error.message}`;
      throw error;
    }
  };
  return { state, verdict };
}

describe('fanOutCostCheck', () => {
  // zones (1) + 10 zones × servedBy (1) = 11 fields; one fetch per zone service, 100 each.
  const crossing = parse('{ zones { servedBy } }');

  it('estimates a document whose page sizes are literal once, and again when the zone services or the supergraph change', () => {
    const { state, verdict } = checkWith(400);
    expect(verdict(crossing)).toBe('accepted');
    const firstLookups = state.lookups;
    expect(firstLookups).toBeGreaterThan(0);
    expect(verdict(crossing)).toBe('accepted');
    expect(state.lookups).toBe(firstLookups);

    state.services = 4;
    expect(verdict(crossing)).toBe('refused: The operation exceeds the cost limit: 411 where at most 400 is allowed.');
    expect(state.lookups).toBe(2 * firstLookups);

    state.services = 3;
    state.subgraphs = (type, field) => {
      state.lookups += 1;
      return ownership(type, field);
    };
    expect(verdict(crossing)).toBe('accepted');
    expect(state.lookups).toBe(3 * firstLookups);
  });

  it('estimates every request whose page size comes from a variable, so each is judged by its own', () => {
    const { verdict } = checkWith(2000);
    // The estimate reads a page-size argument as written (validation against the schema is another check's job).
    const paged = parse('query ($n: Int) { zones(first: $n) { servedBy } }');
    const flat = parse('{ zones { servedBy } }');
    expect(verdict(flat)).toBe('accepted');
    expect(verdict(paged, { n: 10 })).toBe('accepted');
    expect(verdict(paged, { n: 5000 })).toMatch(/^refused: The operation exceeds the cost limit: 5301 where/);
    expect(verdict(paged, { n: 10 })).toBe('accepted');
  });
});
