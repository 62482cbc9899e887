import { brokenZoneTypeDefs } from './fixtures/schemas';
import { startTestEnvironment, type TestEnvironment } from './fixtures/testEnvironment';
import { startZoneService, type TestZoneService } from './fixtures/zoneService';

describe('the gateway over HTTP', () => {
  let env: TestEnvironment;
  let broken: TestZoneService;

  beforeAll(async () => {
    env = await startTestEnvironment();
    broken = await startZoneService({ name: 'ningguo-v0', zoneIds: ['ningguo'], typeDefs: brokenZoneTypeDefs });
  });
  afterAll(async () => {
    await env.stop();
    await broken.stop();
  });

  it('listens on a random port and gives its GraphQL URL', () => {
    expect(env.gateway.url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
  });

  it('answers GET /health', async () => {
    const response = await fetch(new URL('/health', env.gateway.url));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      zoneServices: [
        { name: 'anhui', zoneIds: ['chuzhou', 'feixi'] },
        { name: 'jiangsu', zoneIds: ['chengxi'] },
        { name: 'fujian', zoneIds: ['jinjiang'] },
      ],
    });
  });

  it('serves GraphiQL from local assets at / and to browsers at /graphql, not Apollo’s CDN landing page', async () => {
    for (const path of ['/', '/graphql']) {
      const response = await fetch(new URL(path, env.gateway.url), { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('<div id="graphiql">');
      expect(html).not.toMatch(/https?:\/\//);
    }
    const asset = await fetch(new URL('/graphiql/assets/graphiql.min.js', env.gateway.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('keeps serving the last good supergraph when a refresh meets a schema that does not compose', async () => {
    const { anhui, jiangsu, fujian } = env.zones;
    env.registry.replace([broken.entry(), anhui!.entry(), jiangsu!.entry(), fujian!.entry()]);
    try {
      const result = await env.gateway.refresh();

      expect(result).toMatchObject({ outcome: 'rejected', reason: 'composition' });
      expect(result.outcome === 'rejected' && result.problems.map((problem) => problem.code)).toEqual(['FIELD_TYPE_MISMATCH', 'INVALID_FIELD_SHARING']);
      const answer = await env.query<{ zones: { id: string; servedBy: string | null }[] }>('{ zones { id servedBy } }');
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', 'jiangsu', 'anhui', 'fujian']);
    } finally {
      env.registry.replace([anhui!.entry(), jiangsu!.entry(), fujian!.entry()]);
    }
  });
});
