import fc from 'fast-check';
import type { GraphQLFormattedError } from 'graphql';
import type { PartOutcome } from '../readEntitiesAnswer';
import { reassembleEntities } from '../reassembleEntities';
import { planShards } from '../shardPlan';

interface Service {
  readonly name: string;
}

/** Zones z0..z7, each hosted by one of services s0..s3 or by none; representations of those zones (or with no id). */
const scenario = fc.record({
  hostOf: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
  picks: fc.array(fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined, freq: 10 }), { maxLength: 40 }),
  failed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  /** Part-local indices (possibly out of range) at which an answering service reports an error. */
  errorAt: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 5 }),
});

describe('the shard router (property)', () => {
  it('keeps order and count, loses only failed or unrouted zones, and renumbers error paths to the original index', () => {
    fc.assert(
      fc.property(scenario, ({ hostOf, picks, failed, errorAt }) => {
        const services: Service[] = [0, 1, 2, 3].map((i) => ({ name: `s${i}` }));
        const representations = picks.map((zone, i) => (zone === undefined ? { __typename: 'Zone' } : { __typename: 'Enterprise', id: `z${zone}:${i}` }));
        const serviceForZone = (zoneId: string) => {
          const host = hostOf[Number(zoneId.slice(1))];
          return host === undefined ? undefined : services[host];
        };

        const plan = planShards(representations, serviceForZone);
        const outcomes: PartOutcome[] = plan.parts.map((part) => {
          if (failed[Number(part.service.name.slice(1))]) return { status: 'failed', reason: 'down' };
          const entities = part.representations.map((representation) => ({ echo: (representation as { id: string }).id }));
          const errors: GraphQLFormattedError[] = errorAt.map((j) => ({ message: `at ${j}`, path: ['_entities', j, 'name'] }));
          return { status: 'answered', entities, errors };
        });
        const { entities, errors } = reassembleEntities(plan, outcomes);

        // One part per service, each in original order; together they hold every routed representation once.
        expect(new Set(plan.parts.map((part) => part.service.name)).size).toBe(plan.parts.length);
        const routed = plan.parts.flatMap((part) => part.originalIndices);
        plan.parts.forEach((part) => expect([...part.originalIndices].sort((a, b) => a - b)).toEqual(part.originalIndices));
        expect(routed.length).toBe(new Set(routed).size);

        expect(entities).toHaveLength(representations.length);
        representations.forEach((representation, i) => {
          const zone = picks[i];
          const service = zone === undefined ? undefined : serviceForZone(`z${zone}`);
          const answered = service !== undefined && !failed[Number(service.name.slice(1))];
          expect(entities[i]).toEqual(answered ? { echo: (representation as { id: string }).id } : null);
          expect(routed.includes(i)).toBe(service !== undefined);
        });

        // Each answering part's own errors, renumbered: part index j → the original index of its j-th representation.
        const ownErrors = errors.filter((error) => error.message.startsWith('at ')).map((error) => `${error.message}|${String(error.path?.[1])}`);
        const expectedOwn = plan.parts
          .filter((part) => !failed[Number(part.service.name.slice(1))])
          .flatMap((part) => errorAt.map((j) => `at ${j}|${String(part.originalIndices[j])}`));
        expect(ownErrors.sort()).toEqual(expectedOwn.sort());
        // ZONE_UNAVAILABLE / ZONE_NOT_ROUTED: on the first representation of the zone they name.
        for (const error of errors.filter((candidate) => !candidate.message.startsWith('at '))) {
          const zoneId = error.extensions?.zoneId;
          const first = representations.findIndex((representation) => ((representation as { id?: string }).id?.split(':')[0] ?? null) === zoneId);
          expect(error.path).toEqual(['_entities', first]);
        }
        const unavailable = errors.filter((error) => error.extensions?.code === 'ZONE_UNAVAILABLE').map((error) => error.extensions?.zoneId);
        const expectedUnavailable = [...new Set(picks.filter((zone) => zone !== undefined && hostOf[zone] !== undefined && failed[hostOf[zone]]))];
        expect(new Set(unavailable)).toEqual(new Set(expectedUnavailable.map((zone) => `z${zone}`)));
        expect(unavailable).toHaveLength(expectedUnavailable.length);
      }),
      { numRuns: 500 },
    );
  });
});
