import { parse, print } from 'graphql';
import { composeZonesSupergraph } from '../composeZonesSupergraph';
import { commonZonesSdl } from '../contract';
import { edited, provinceSdl, withoutAlliances, withZoneField, zoneSdl } from './fixtures/schemas';

const normalized = print(parse(zoneSdl));
const zoneFields = (sdl: string) => /type Zone @key\(fields: "id"\) \{([^}]*)\}/.exec(sdl)![1]!;

describe('commonZonesSdl', () => {
  it('serves the SDL itself when every service serves the same, and it composes with the province', () => {
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: zoneSdl },
    ]);
    expect(common).toEqual({ sdl: normalized, lacking: [], differing: [], problems: [] });
    expect(composeZonesSupergraph({ url: 'http://province/graphql', sdl: provinceSdl }, common.sdl).status).toBe('composed');
  });

  it('keeps a field one service adds out until all serve it, naming the services that lack it', () => {
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: withZoneField(zoneSdl, 'parkArea: Float') },
      { name: 'jinjiang', sdl: zoneSdl },
    ]);
    expect(common.sdl).toBe(normalized);
    expect(common.lacking).toEqual([
      { service: 'yongkang', coordinates: ['Zone.parkArea'] },
      { service: 'jinjiang', coordinates: ['Zone.parkArea'] },
    ]);
    expect(common.problems).toEqual([]);
  });

  it('compares the federation links, not how a server prints them (a schema definition with the link spec’s own link, or `extend schema`)', () => {
    const printedWithSchemaDefinition = zoneSdl.replace(
      /extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.3"/,
      'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }\nextend schema @link(url: "https://specs.apollo.dev/federation/v2.3"',
    );
    expect(printedWithSchemaDefinition).toContain('link/v1.0');
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: printedWithSchemaDefinition },
      { name: 'external', sdl: zoneSdl },
    ]);
    expect(common.problems).toEqual([]);
    expect(common.sdl).not.toContain('link/v1.0');
    expect(composeZonesSupergraph({ url: 'http://province/graphql', sdl: provinceSdl }, common.sdl).status).toBe('composed');
  });

  it('drops a field one service lacks', () => {
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: withoutAlliances(zoneSdl) },
    ]);
    expect(zoneFields(normalized)).toContain('alliances: [Alliance!]');
    expect(zoneFields(common.sdl)).not.toContain('alliances');
    expect(zoneFields(common.sdl)).toContain('serviceStations: [ServiceStation!]');
    expect(common.lacking).toEqual([{ service: 'anhui', coordinates: ['Zone.alliances'] }]);
  });

  it('drops a field whose argument differs, and says how each service defines it', () => {
    const changed = edited(zoneSdl, '    filter: EnterpriseFilter\n', '    filter: EnterpriseFilter!\n');
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: changed },
    ]);
    expect(zoneFields(common.sdl)).not.toMatch(/\benterprises\(/);
    expect(zoneFields(common.sdl)).toMatch(/\bpartyOrganizations\(/);
    expect(common.lacking).toEqual([]);
    expect(common.differing).toEqual([
      {
        coordinate: 'Zone.enterprises',
        variants: [
          { services: ['yongkang'], definition: expect.stringContaining('filter: EnterpriseFilter,') },
          { services: ['anhui'], definition: expect.stringContaining('filter: EnterpriseFilter!,') },
        ],
      },
    ]);
  });

  it('is a contract problem when one service requires an input field the others do not serve', () => {
    const requiring = edited(zoneSdl, 'input EnterpriseFilter {\n', 'input EnterpriseFilter {\n  scope: String!\n');
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: requiring },
    ]);
    expect(common.problems).toEqual([
      { check: 'contract', path: 'EnterpriseFilter.scope', message: expect.stringContaining('service "anhui" requires input field') },
    ]);
    const optional = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: edited(zoneSdl, 'input EnterpriseFilter {\n', 'input EnterpriseFilter {\n  scope: String\n') },
    ]);
    expect(optional.problems).toEqual([]);
    expect(optional.lacking).toEqual([{ service: 'yongkang', coordinates: ['EnterpriseFilter.scope'] }]);
  });

  it('intersects enum values and names a new type once, with what needs it dropped too', () => {
    const extended = withZoneField(edited(zoneSdl, '  LISTED\n}', '  LISTED\n  STATE_OWNED\n}') + '\ntype Award {\n  title: String!\n}\n', 'awards: [Award!]');
    const common = commonZonesSdl([
      { name: 'anhui', sdl: extended },
      { name: 'yongkang', sdl: zoneSdl },
    ]);
    expect(common.sdl).toBe(normalized);
    expect(common.lacking).toEqual([{ service: 'yongkang', coordinates: ['Award', 'EnterpriseFlag.STATE_OWNED', 'Zone.awards'] }]);
  });

  it('keeps a field that needs a type not every service defines alike out, even when the field itself agrees', () => {
    const enumAsString = edited(
      zoneSdl,
      'enum StationKind {\n  RED_STATION\n  PARTY_MASS_SERVICE_CENTER\n  GUIDANCE_STATION\n  NEIGHBOURHOOD_CENTER\n  OTHER\n}',
      'scalar StationKind',
    );
    const common = commonZonesSdl([
      { name: 'yongkang', sdl: zoneSdl },
      { name: 'anhui', sdl: enumAsString },
    ]);
    expect(common.sdl).not.toMatch(/StationKind/);
    expect(/type ServiceStation \{([^}]*)\}/.exec(common.sdl)![1]).toBe(
      '\n  id: ID!\n  nameZh: String!\n  areaSqm: Float\n  provenance: Provenance!\n  hostEnterprise: Enterprise\n',
    );
    expect(common.differing).toEqual([
      {
        coordinate: 'StationKind',
        variants: [
          { services: ['yongkang'], definition: 'enum' },
          { services: ['anhui'], definition: 'scalar' },
        ],
      },
    ]);
  });

  it('requires the same federation imports and reports SDL that does not parse', () => {
    const linked = edited(zoneSdl, 'import: ["@key", "@shareable"]', 'import: ["@key", "@shareable", "@inaccessible"]');
    expect(
      commonZonesSdl([
        { name: 'yongkang', sdl: zoneSdl },
        { name: 'anhui', sdl: linked },
      ]).problems,
    ).toEqual([{ check: 'contract', path: '@link', message: expect.stringContaining('service "anhui" links other federation features than "yongkang"') }]);
    expect(commonZonesSdl([{ name: 'anhui', sdl: 'type Zone {' }]).problems).toEqual([
      { check: 'contract', path: 'anhui', message: expect.stringContaining('the SDL of service "anhui" does not parse') },
    ]);
  });

  it('keeps an interface implementation only when every service declares it', () => {
    const sdl = (implementsNode: boolean) => `interface Node {
  id: ID!
}
type Zone${implementsNode ? ' implements Node' : ''} {
  id: ID!
}
`;
    expect(
      commonZonesSdl([
        { name: 'a', sdl: sdl(true) },
        { name: 'b', sdl: sdl(false) },
      ]).sdl,
    ).toBe(print(parse(sdl(false))));
    expect(
      commonZonesSdl([
        { name: 'a', sdl: sdl(true) },
        { name: 'b', sdl: sdl(true) },
      ]).sdl,
    ).toBe(print(parse(sdl(true))));
  });

  it('keeps `extend type` forms of the first service', () => {
    const extending = (extra: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Zone @key(fields: "id") {
  id: ID!
}
extend type Zone {
  name: String
  ${extra}
}
`;
    const common = commonZonesSdl([
      { name: 'a', sdl: extending('area: Float') },
      { name: 'b', sdl: extending('') },
    ]);
    expect(common.sdl).toBe(print(parse(extending(''))));
  });
});
