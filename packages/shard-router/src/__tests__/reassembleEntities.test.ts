import { reassembleEntities, renumberErrorPath } from '../reassembleEntities';
import type { PartOutcome } from '../readEntitiesAnswer';
import { planShards } from '../shardPlan';

const hosts: Record<string, { name: string }> = { chuzhou: { name: 'anhui' }, feixi: { name: 'anhui' }, chengxi: { name: 'jiangsu' } };
const ref = (id: string) => ({ __typename: 'Enterprise', id });
// Original order: chengxi:e1, chuzhou:e2, feixi:e1, chengxi:e2, nowhere:e1, chuzhou:e1
const plan = planShards(
  [ref('chengxi:e1'), ref('chuzhou:e2'), ref('feixi:e1'), ref('chengxi:e2'), ref('nowhere:e1'), ref('chuzhou:e1')],
  (zoneId) => hosts[zoneId],
);
const named = (id: string) => ({ name: `name of ${id}` });

describe('renumberErrorPath', () => {
  const indices = [1, 2, 5];

  it('maps the part index of an _entities path back to the original index', () => {
    expect(renumberErrorPath({ message: 'x', path: ['_entities', 2, 'name'] }, indices)).toEqual({ message: 'x', path: ['_entities', 5, 'name'] });
    expect(renumberErrorPath({ message: 'x', path: ['_entities', 0] }, indices)).toEqual({ message: 'x', path: ['_entities', 1] });
  });

  it('leaves other paths alone and drops an index the part does not have', () => {
    expect(renumberErrorPath({ message: 'x' }, indices)).toEqual({ message: 'x' });
    expect(renumberErrorPath({ message: 'x', path: ['_service'] }, indices)).toEqual({ message: 'x', path: ['_service'] });
    expect(renumberErrorPath({ message: 'x', path: ['_entities', 3] }, indices)).toEqual({ message: 'x' });
  });
});

describe('reassembleEntities', () => {
  it('puts every part back in the original order and count', () => {
    const outcomes: PartOutcome[] = [
      { status: 'answered', entities: [named('chengxi:e1'), named('chengxi:e2')], errors: [] },
      { status: 'answered', entities: [named('chuzhou:e2'), named('feixi:e1'), named('chuzhou:e1')], errors: [] },
    ];

    const { entities, errors } = reassembleEntities(plan, outcomes);

    expect(entities).toEqual([named('chengxi:e1'), named('chuzhou:e2'), named('feixi:e1'), named('chengxi:e2'), null, named('chuzhou:e1')]);
    expect(errors).toEqual([
      {
        message: 'Zone "nowhere" is not hosted by any registered zone service',
        path: ['_entities', 4],
        extensions: { zoneId: 'nowhere', code: 'ZONE_NOT_ROUTED' },
      },
    ]);
  });

  it('renumbers the errors a part answered with', () => {
    const outcomes: PartOutcome[] = [
      { status: 'answered', entities: [named('chengxi:e1'), null], errors: [{ message: 'gone', path: ['_entities', 1] }] },
      { status: 'answered', entities: [named('chuzhou:e2'), named('feixi:e1'), null], errors: [{ message: 'boom', path: ['_entities', 2, 'name'] }] },
    ];

    const { errors } = reassembleEntities(plan, outcomes);

    expect(errors.slice(0, 2)).toEqual([
      { message: 'gone', path: ['_entities', 3] },
      { message: 'boom', path: ['_entities', 5, 'name'] },
    ]);
  });

  it('nulls a failed part’s entities and names each of its zones at its first index', () => {
    const outcomes: PartOutcome[] = [
      { status: 'answered', entities: [named('chengxi:e1'), named('chengxi:e2')], errors: [] },
      { status: 'failed', reason: 'timed out after 5000 ms' },
    ];

    const { entities, errors } = reassembleEntities(plan, outcomes);

    expect(entities).toEqual([named('chengxi:e1'), null, null, named('chengxi:e2'), null, null]);
    expect(errors.slice(0, 2)).toEqual([
      {
        message: 'Zone "chuzhou" (service "anhui") is unavailable: timed out after 5000 ms',
        path: ['_entities', 1],
        extensions: { zoneId: 'chuzhou', service: 'anhui', code: 'ZONE_UNAVAILABLE' },
      },
      {
        message: 'Zone "feixi" (service "anhui") is unavailable: timed out after 5000 ms',
        path: ['_entities', 2],
        extensions: { zoneId: 'feixi', service: 'anhui', code: 'ZONE_UNAVAILABLE' },
      },
    ]);
  });

  it("passes on the codes of the errors a failed part's service answered instead of entities, for each of its zones", () => {
    const reason = 'answered no data._entities: Cannot query field "figureSheet" on type "Zone".';
    const outcomes: PartOutcome[] = [
      { status: 'answered', entities: [named('chengxi:e1'), named('chengxi:e2')], errors: [] },
      { status: 'failed', reason, serviceCodes: ['GRAPHQL_VALIDATION_FAILED'] },
    ];

    const { errors, failures } = reassembleEntities(plan, outcomes);

    expect(errors.slice(0, 2).map((error) => error.extensions)).toEqual([
      { zoneId: 'chuzhou', service: 'anhui', serviceCodes: ['GRAPHQL_VALIDATION_FAILED'], code: 'ZONE_UNAVAILABLE' },
      { zoneId: 'feixi', service: 'anhui', serviceCodes: ['GRAPHQL_VALIDATION_FAILED'], code: 'ZONE_UNAVAILABLE' },
    ]);
    expect(failures.slice(0, 2)).toEqual([
      { zoneId: 'chuzhou', service: 'anhui', message: expect.stringContaining(reason), reason, serviceCodes: ['GRAPHQL_VALIDATION_FAILED'] },
      { zoneId: 'feixi', service: 'anhui', message: expect.stringContaining(reason), reason, serviceCodes: ['GRAPHQL_VALIDATION_FAILED'] },
    ]);
  });
});
