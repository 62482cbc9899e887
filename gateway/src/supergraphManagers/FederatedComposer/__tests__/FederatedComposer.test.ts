import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { GetDataSourceFunction } from '@apollo/gateway';
import { print } from 'graphql';
import { createRemoteDataSource } from '../../../datasources/createRemoteDataSource';
import { ShardedZonesDataSource } from '../../../datasources/ShardedZonesDataSource';
import { MutableZoneServiceRegistry } from '@devzone/registry';
import { startProvinceService, type TestProvinceService } from '../../../__tests__/fixtures/provinceService';
import { brokenZoneTypeDefs, extendedZoneTypeDefs } from '../../../__tests__/fixtures/schemas';
import { startZoneService, type TestZoneService } from '../../../__tests__/fixtures/zoneService';
import { FederatedComposer, SupergraphCompositionError } from '..';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('FederatedComposer', () => {
  let province: TestProvinceService;
  let anhui: TestZoneService;
  let broken: TestZoneService;
  let extended: TestZoneService;
  let registry: MutableZoneServiceRegistry;
  let getDataSource: GetDataSourceFunction;
  const noHealthCheck = async () => undefined;

  beforeAll(async () => {
    province = await startProvinceService();
    [anhui, broken, extended] = await Promise.all([
      startZoneService({ name: 'anhui', zoneIds: ['chuzhou', 'feixi'] }),
      startZoneService({ name: 'ningguo-v0', zoneIds: ['ningguo'], typeDefs: brokenZoneTypeDefs }),
      startZoneService({ name: 'jiangsu', zoneIds: ['chengxi'], typeDefs: extendedZoneTypeDefs }),
    ]);
    registry = new MutableZoneServiceRegistry([anhui.entry()]);
    const zones = new ShardedZonesDataSource({ registry, timeoutMs: 2000 });
    getDataSource = ({ name, url }) => (name === 'zones' ? zones : createRemoteDataSource(url!));
  });
  afterAll(async () => {
    await Promise.all([province.stop(), anhui.stop(), broken.stop(), extended.stop()]);
  });
  beforeEach(() => registry.replace([anhui.entry()]));

  async function started() {
    const composer = new FederatedComposer({ provinceUrl: province.url, timeoutMs: 2000 });
    const update = jest.fn<void, [string]>();
    const { supergraphSdl, cleanup } = await composer.initialize({ update, healthCheck: noHealthCheck, getDataSource });
    return { composer, update, supergraphSdl, cleanup: cleanup! };
  }

  it('composes the province and the zone schema as two subgraphs', async () => {
    const { supergraphSdl, cleanup } = await started();

    expect(supergraphSdl).toContain('@join__graph(name: "province", url: "' + province.url + '")');
    expect(supergraphSdl).toContain('@join__graph(name: "zones", url: "sharded://zones")');
    expect(supergraphSdl).toMatch(/servedBy: String/);
    await cleanup();
  });

  it('does not update the gateway when nothing changed', async () => {
    const { composer, update, cleanup } = await started();

    await expect(composer.refresh()).resolves.toEqual({ outcome: 'unchanged', supergraphSdl: composer.supergraphSdl });
    expect(update).not.toHaveBeenCalled();
    await cleanup();
  });

  it('updates the gateway when the zone schema changed and still composes', async () => {
    const { composer, update, supergraphSdl, cleanup } = await started();
    registry.replace([extended.entry(), anhui.entry()]);

    const result = await composer.refresh();

    expect(result.outcome).toBe('updated');
    expect(result.supergraphSdl).not.toBe(supergraphSdl);
    expect(result.supergraphSdl).toMatch(/enterpriseCount: Int/);
    expect(update).toHaveBeenCalledWith(result.supergraphSdl);
    expect(composer.supergraphSdl).toBe(result.supergraphSdl);
    await cleanup();
  });

  it('keeps the last good supergraph and reports the errors when a zone schema does not compose', async () => {
    const { composer, update, supergraphSdl, cleanup } = await started();
    registry.replace([broken.entry(), anhui.entry()]);

    const result = await composer.refresh();

    expect(result).toEqual({
      outcome: 'rejected',
      reason: 'composition',
      problems: [
        {
          code: 'FIELD_TYPE_MISMATCH',
          message:
            'Type of field "Zone.name" is incompatible across subgraphs: it has type "String!" in subgraph "province" but type "Int" in subgraph "zones"',
        },
        {
          code: 'INVALID_FIELD_SHARING',
          message: expect.stringContaining('Non-shareable field "Zone.name" is resolved from multiple subgraphs'),
        },
      ],
      supergraphSdl,
    });
    expect(update).not.toHaveBeenCalled();
    expect(composer.supergraphSdl).toBe(supergraphSdl);
    await cleanup();
  });

  it('checks a candidate schema given as an override without fetching it', async () => {
    const { composer, update, cleanup } = await started();

    const result = await composer.refresh({ sdlOverrides: { zones: print(brokenZoneTypeDefs) } });

    expect(result).toMatchObject({ outcome: 'rejected', reason: 'composition' });
    expect(update).not.toHaveBeenCalled();
    await expect(composer.refresh({ sdlOverrides: { zones: 'type {' } })).resolves.toMatchObject({
      outcome: 'rejected',
      problems: [expect.objectContaining({ subgraph: 'zones', code: 'INVALID_GRAPHQL' })],
    });
    await cleanup();
  });

  it('keeps the last good supergraph when no zone service is reachable', async () => {
    const { composer, supergraphSdl, cleanup } = await started();
    registry.replace([{ name: 'offline', url: `http://127.0.0.1:${await closedPort()}/graphql`, zoneIds: ['offline'] }]);

    const result = await composer.refresh();

    expect(result).toEqual({
      outcome: 'rejected',
      reason: 'unreachable',
      problems: [
        {
          subgraph: 'zones',
          message: expect.stringMatching(/^schema could not be fetched: No zone service answered: "offline": fetch failed \(ECONNREFUSED\)$/),
        },
      ],
      supergraphSdl,
    });
    await cleanup();
  });

  it('fails to initialize with the composition errors when nothing valid can be composed', async () => {
    registry.replace([broken.entry()]);
    const composer = new FederatedComposer({ provinceUrl: province.url });

    const initializing = composer.initialize({ update: jest.fn(), healthCheck: noHealthCheck, getDataSource });

    await expect(initializing).rejects.toBeInstanceOf(SupergraphCompositionError);
    await expect(initializing).rejects.toThrow(/Non-shareable field "Zone.name" is resolved from multiple subgraphs/);
  });

  it('refuses to refresh once stopped', async () => {
    const { composer, cleanup } = await started();
    await cleanup();

    await expect(composer.refresh()).rejects.toThrow('FederatedComposer cannot refresh: it is stopped');
  });
});
