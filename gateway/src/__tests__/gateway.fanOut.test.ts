import { startTestEnvironment, type TestEnvironment } from './fixtures/testEnvironment';

interface ZonesData {
  zones: { id: string; name: string; servedBy: string | null; enterprises: { id: string; name: string | null }[] | null }[];
}

interface EnterprisesData {
  enterprises: { id: string; name: string | null; servedBy: string | null; zone: { id: string; name: string } | null }[];
}

const ZONES_QUERY = `{ zones { id name servedBy enterprises { id name } } }`;
const ENTERPRISES_QUERY = `query ($ids: [ID!]!) { enterprises(ids: $ids) { id name servedBy zone { id name } } }`;

describe('gateway fan-out over sharded zone services', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.resetZones());

  it('answers a province-wide query with every zone, in the province order', async () => {
    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(result.errors).toBeUndefined();
    expect(result.data?.zones).toEqual([
      {
        id: 'chuzhou',
        name: 'Chuzhou ETDZ',
        servedBy: 'anhui',
        enterprises: [
          { id: 'chuzhou:e1', name: 'Enterprise e1 of chuzhou' },
          { id: 'chuzhou:e2', name: 'Enterprise e2 of chuzhou' },
        ],
      },
      {
        id: 'chengxi',
        name: 'Chengxi New Area',
        servedBy: 'jiangsu',
        enterprises: [
          { id: 'chengxi:e1', name: 'Enterprise e1 of chengxi' },
          { id: 'chengxi:e2', name: 'Enterprise e2 of chengxi' },
        ],
      },
      {
        id: 'feixi',
        name: 'Feixi ETDZ',
        servedBy: 'anhui',
        enterprises: [
          { id: 'feixi:e1', name: 'Enterprise e1 of feixi' },
          { id: 'feixi:e2', name: 'Enterprise e2 of feixi' },
        ],
      },
      {
        id: 'jinjiang',
        name: 'Jinjiang ETDZ',
        servedBy: 'fujian',
        enterprises: [
          { id: 'jinjiang:e1', name: 'Enterprise e1 of jinjiang' },
          { id: 'jinjiang:e2', name: 'Enterprise e2 of jinjiang' },
        ],
      },
    ]);
  });

  it('sends one request per service, carrying only that service’s zones', async () => {
    await env.query<ZonesData>(ZONES_QUERY);

    const { anhui, jiangsu, fujian } = env.zones;
    expect(anhui!.requests).toHaveLength(1);
    expect(jiangsu!.requests).toHaveLength(1);
    expect(fujian!.requests).toHaveLength(1);
    expect(anhui!.requests[0]!.representations).toEqual([
      { __typename: 'Zone', id: 'chuzhou' },
      { __typename: 'Zone', id: 'feixi' },
    ]);
    expect(jiangsu!.requests[0]!.representations).toEqual([{ __typename: 'Zone', id: 'chengxi' }]);
    expect(fujian!.requests[0]!.representations).toEqual([{ __typename: 'Zone', id: 'jinjiang' }]);
  });

  it('keeps the order of interleaved entity references across services', async () => {
    const ids = ['chengxi:e1', 'chuzhou:e2', 'jinjiang:e1', 'feixi:e1', 'chuzhou:e1', 'chengxi:e2'];
    const result = await env.query<EnterprisesData>(ENTERPRISES_QUERY, { ids });

    expect(result.errors).toBeUndefined();
    const hostOf: Record<string, string> = { chuzhou: 'anhui', feixi: 'anhui', chengxi: 'jiangsu', jinjiang: 'fujian' };
    expect(result.data?.enterprises).toEqual(
      ids.map((id) => {
        const [zoneId, localId] = id.split(':') as [string, string];
        return { id, name: `Enterprise ${localId} of ${zoneId}`, servedBy: hostOf[zoneId], zone: { id: zoneId, name: expect.any(String) } };
      }),
    );
    expect(env.zones.anhui!.entityRequests()[0]!.representations!.map((r) => r.id)).toEqual(['chuzhou:e2', 'feixi:e1', 'chuzhou:e1']);
  });

  it('answers ZONE_NOT_ROUTED for a zone no service hosts, and the rest normally', async () => {
    const result = await env.query<EnterprisesData>(ENTERPRISES_QUERY, { ids: ['chuzhou:e1', 'nowhere:e1'] });

    expect(result.data?.enterprises).toEqual([
      { id: 'chuzhou:e1', name: 'Enterprise e1 of chuzhou', servedBy: 'anhui', zone: { id: 'chuzhou', name: 'Chuzhou ETDZ' } },
      { id: 'nowhere:e1', name: null, servedBy: null, zone: null },
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Zone "nowhere" is not hosted by any registered zone service',
        path: ['enterprises', 1],
        extensions: expect.objectContaining({ code: 'ZONE_NOT_ROUTED', zoneId: 'nowhere' }),
      }),
    ]);
  });

  it('maps a zone service’s own entity errors back to the right response path', async () => {
    // The registry wrongly says Jiangsu hosts Feixi: Jiangsu refuses it.
    const { anhui, jiangsu, fujian } = env.zones;
    env.registry.replace([{ ...anhui!.entry(), zoneIds: ['chuzhou'] }, { ...jiangsu!.entry(), zoneIds: ['chengxi', 'feixi'] }, fujian!.entry()]);
    try {
      const result = await env.query<ZonesData>(ZONES_QUERY);

      expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', 'jiangsu', null, 'fujian']);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Service "jiangsu" does not host zone "feixi"',
          path: ['zones', 2],
          extensions: expect.objectContaining({ code: 'ZONE_NOT_HOSTED', zoneId: 'feixi' }),
        }),
      ]);
    } finally {
      env.registry.replace([anhui!.entry(), jiangsu!.entry(), fujian!.entry()]);
    }
  });

  it('routes to a service registered at runtime without recomposing', async () => {
    const { anhui, jiangsu, fujian } = env.zones;
    env.registry.replace([{ ...anhui!.entry(), zoneIds: ['chuzhou'] }, { ...fujian!.entry(), zoneIds: ['jinjiang', 'feixi'] }, jiangsu!.entry()]);
    try {
      const result = await env.query<ZonesData>(ZONES_QUERY);
      // Fujian does not actually host Feixi: the point is that the request went there.
      expect(fujian!.entityRequests()[0]!.representations!.map((r) => r.id)).toEqual(['feixi', 'jinjiang']);
      expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', 'jiangsu', null, 'fujian']);
    } finally {
      env.registry.replace([anhui!.entry(), jiangsu!.entry(), fujian!.entry()]);
    }
  });
});
