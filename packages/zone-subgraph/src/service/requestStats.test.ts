import type { GraphQLRequestContext } from '@apollo/server';
import { RequestStats } from './requestStats';

/** Calls the plugin's requestDidStart as Apollo Server does, with the one part it reads. */
async function receive(stats: RequestStats, variables: Record<string, unknown>, operationName?: string, query?: string): Promise<void> {
  const plugin = stats.plugin();
  await plugin.requestDidStart?.({ request: { variables, operationName, query } } as unknown as GraphQLRequestContext<object>);
}

const batch = (from: number, size: number) => ({ representations: Array.from({ length: size }, (_, i) => ({ __typename: 'Zone', id: `z${from + i}` })) });

describe('RequestStats', () => {
  it('counts requests and keeps the last variables and the zones asked, health checks left out', async () => {
    const stats = new RequestStats();
    await receive(stats, { ...batch(0, 2), withText: false });
    await receive(stats, {}, '__ApolloServiceHealthCheck__');
    expect(stats.requests).toBe(1);
    expect(stats.zoneIdsSeen).toEqual(['z0', 'z1']);
    expect(stats.lastVariables).toMatchObject({ withText: false });
    stats.reset();
    expect([stats.requests, stats.zoneIdsSeen.length, stats.lastVariables]).toEqual([0, 0, undefined]);
  });

  it('leaves out reads of the schema alone, named or not, and counts a request that reads data besides', async () => {
    const stats = new RequestStats();
    await receive(stats, {}, undefined, '{ _service { sdl } }');
    await receive(stats, {}, 'RegistryProbesSchema', 'query RegistryProbesSchema { _service { sdl } }');
    await receive(stats, {}, undefined, 'query __ApolloGetServiceDefinition__ {\n  _service {\n    sdl\n  }\n}');
    expect(stats.requests).toBe(0);
    await receive(
      stats,
      batch(0, 1),
      undefined,
      'query ($representations: [_Any!]!) { _service { sdl } _entities(representations: $representations) { __typename } }',
    );
    expect(stats.requests).toBe(1);
  });

  it('keeps the operation name of the last request once its operation is resolved', async () => {
    const stats = new RequestStats();
    const listener = await stats.plugin().requestDidStart?.({ request: { variables: {} } } as unknown as GraphQLRequestContext<object>);
    expect(stats.lastOperationName).toBeUndefined();
    await listener?.didResolveOperation?.({ operationName: 'ProvinceReadsFigures' } as never);
    expect(stats.lastOperationName).toBe('ProvinceReadsFigures');
    await listener?.didResolveOperation?.({ operationName: null } as never);
    expect(stats.lastOperationName).toBeNull();
  });

  it('remembers a bounded number of zone ids, the newest', async () => {
    const stats = new RequestStats();
    for (let i = 0; i < 250; i += 1) await receive(stats, batch(i * 100, 100));
    expect(stats.requests).toBe(250);
    expect(stats.zoneIdsSeen.length).toBeGreaterThanOrEqual(10_000);
    expect(stats.zoneIdsSeen.length).toBeLessThanOrEqual(20_000);
    expect(stats.zoneIdsSeen.at(-1)).toBe('z24999');
  });
});
