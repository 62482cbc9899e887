import { composeZonesSupergraph } from '../composeZonesSupergraph';
import { classifySupergraphChange } from '../contract';
import { edited, provinceSdl, withoutAlliances, withZoneField, zoneSdl } from './fixtures/schemas';

function supergraphOf(zonesSdl: string): string {
  const composed = composeZonesSupergraph({ url: 'http://province/graphql', sdl: provinceSdl }, zonesSdl);
  if (composed.status !== 'composed') throw new Error(JSON.stringify(composed.problems));
  return composed.supergraphSdl;
}

const served = supergraphOf(zoneSdl);

describe('classifySupergraphChange', () => {
  it('classifies a removed field as BREAKING', async () => {
    expect(await classifySupergraphChange(served, supergraphOf(withoutAlliances(zoneSdl)))).toEqual([
      { criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Zone.alliances', message: "Field 'alliances' was removed from object type 'Zone'" },
    ]);
  });

  it('classifies an added field as NON_BREAKING', async () => {
    expect(await classifySupergraphChange(served, supergraphOf(withZoneField(zoneSdl, 'parkArea: Float')))).toEqual([
      { criticality: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Zone.parkArea', message: "Field 'parkArea' was added to object type 'Zone'" },
    ]);
  });

  it('classifies an argument made non-null as BREAKING', async () => {
    const required = edited(zoneSdl, '    """Indicator codes; every computable one when omitted."""\n    codes: [String!]', '    codes: [String!]!');
    const changes = await classifySupergraphChange(served, supergraphOf(required));
    expect(changes).toContainEqual(
      expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Zone.unassessedIndicators.codes' }),
    );
    expect(changes.filter((change) => change.criticality === 'BREAKING')).toHaveLength(1);
  });

  it('classifies a field type made nullable as BREAKING', async () => {
    const nullable = edited(zoneSdl, '  totalCount: Int!\n  hasNextPage: Boolean!', '  totalCount: Int\n  hasNextPage: Boolean!');
    expect(await classifySupergraphChange(served, supergraphOf(nullable))).toEqual([
      expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_TYPE_CHANGED', path: 'EnterprisePage.totalCount' }),
    ]);
  });

  it('finds no change for the same supergraph, nor when nothing was served', async () => {
    expect(await classifySupergraphChange(served, served)).toEqual([]);
    expect(await classifySupergraphChange(null, served)).toEqual([]);
  });
});

describe('composeZonesSupergraph', () => {
  it('names the province and zones subgraphs, the zones one by its sharded placeholder', () => {
    expect(served).toMatch(/PROVINCE @join__graph\(name: "province", url: "http:\/\/province\/graphql"\)/);
    expect(served).toMatch(/ZONES @join__graph\(name: "zones", url: "sharded:\/\/zones"\)/);
  });

  it('reports composition errors with their code', () => {
    const clash = withZoneField(zoneSdl, 'nameZh: String!');
    const composed = composeZonesSupergraph({ url: 'http://province/graphql', sdl: provinceSdl }, clash);
    expect(composed).toEqual({
      status: 'failed',
      problems: [expect.objectContaining({ check: 'composition', message: expect.stringMatching(/^INVALID_FIELD_SHARING: /) })],
    });
    expect(composeZonesSupergraph({ url: 'http://province/graphql', sdl: provinceSdl }, 'type {')).toEqual({
      status: 'failed',
      problems: [{ check: 'composition', path: 'zones', message: expect.stringMatching(/^INVALID_GRAPHQL: the zones SDL does not parse/) }],
    });
  });
});
