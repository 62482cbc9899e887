import type { Principal } from '@devzone/auth';
import { EntityStore } from '../entityStore';
import type { DataVersionsAnswer } from '../fetchDataVersions';
import type { EntitiesAnswer } from '../mergeEntities';
import { ZoneReadCache, type ZoneRead } from '../ZoneReadCache';
import { VersionsSeen } from '../versionsSeen';
import { ZoneVersions } from '../zoneVersions';

const service = { name: 'anhui', url: 'http://anhui.test/' };
const analyst: Principal = { subject: 'key:a', roles: ['ANALYST'], provinces: ['34'], zoneIds: [] };
const QUERY = 'query R($representations: [_Any!]!) { _entities(representations: $representations) { ... on Zone { id figure } } }';

/** A zone service as the cache sees it: a data version and a figure per zone, writes that change both, and fetches held until released. */
function system() {
  const versions: Record<string, number> = { chuzhou: 1, feixi: 1 };
  const figures: Record<string, number> = { chuzhou: 10, feixi: 20 };
  const fetches: { zones: string[]; release: () => void }[] = [];
  const versionRequests: string[][] = [];
  const store = new EntityStore({ maxEntries: 100, maxBytes: 1024 * 1024 });
  const cache = new ZoneReadCache({
    versions: new ZoneVersions({
      send: async (_service, zones): Promise<DataVersionsAnswer> => {
        versionRequests.push([...zones]);
        return { status: 'answered', versions: new Map(zones.map((zone) => [zone, String(versions[zone])])) };
      },
      store,
      breakerClosed: () => true,
    }),
    store,
  });
  // The data is read when the fetch is sent, as a zone service reads it; the answer arrives when released.
  const fetch = async (representations: readonly unknown[]): Promise<EntitiesAnswer> => {
    const zones = (representations as { id: string }[]).map(({ id }) => id);
    const entities = zones.map((id) => ({ id, figure: figures[id] }));
    await new Promise<void>((release) => fetches.push({ zones, release }));
    return { entities, errors: [] };
  };
  const read = (zones: string[], seen?: VersionsSeen) => {
    const request: ZoneRead<typeof service> = {
      query: QUERY,
      representations: zones.map((id) => ({ __typename: 'Zone', id })),
      serviceForZone: () => service,
      principal: analyst,
      seen,
    };
    return cache.read(request, fetch);
  };
  return {
    read,
    fetches,
    versionRequests,
    cache,
    write: (zone: string, figure: number) => {
      figures[zone] = figure;
      versions[zone] = (versions[zone] ?? 0) + 1;
    },
  };
}

/** Until `count` fetches have been sent (each read asks its versions first, a turn of the event loop). */
async function fetchesSent(fetches: readonly unknown[], count: number): Promise<void> {
  while (fetches.length < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('ZoneReadCache in-flight sharing', () => {
  it('sends concurrent misses with the same entry key once, and gives each asker its own copy', async () => {
    const { read, fetches } = system();
    const first = read(['chuzhou', 'feixi']);
    await fetchesSent(fetches, 1);
    const second = read(['feixi']);
    // The second read has checked its versions and joined: no fetch of its own.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fetches.map((f) => f.zones)).toEqual([['chuzhou', 'feixi']]);
    fetches[0]!.release();
    const [a, b] = await Promise.all([first, second]);

    expect(a.entities).toEqual([
      { id: 'chuzhou', figure: 10 },
      { id: 'feixi', figure: 20 },
    ]);
    expect(b).toMatchObject({ entities: [{ id: 'feixi', figure: 20 }], errors: [], fetchedCount: 0 });
    expect(b.entities[0]).not.toBe(a.entities[1]);
    expect(fetches).toHaveLength(1);
  });

  it('never lets a read that started after a write join a fetch labelled with the version before it', async () => {
    const { read, fetches, write } = system();
    const before = read(['feixi']);
    await fetchesSent(fetches, 1);
    write('feixi', 21);
    const after = read(['feixi']);
    await fetchesSent(fetches, 2);
    fetches[1]!.release();
    expect((await after).entities).toEqual([{ id: 'feixi', figure: 21 }]);
    fetches[0]!.release();
    expect((await before).entities).toEqual([{ id: 'feixi', figure: 20 }]);
  });

  it('keeps what it stores and shares apart from what any reader does to its answer (the gateway merges in place)', async () => {
    const { read, fetches } = system();
    const mutate = (entities: readonly unknown[]) => {
      for (const entity of entities) Object.assign(entity as object, { figure: -1, merged: { by: 'a later fetch' } });
    };
    const fetcher = read(['feixi']);
    await fetchesSent(fetches, 1);
    const joiners = [read(['feixi']), read(['feixi'])];
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    fetches[0]!.release();
    const fetched = await fetcher;
    mutate(fetched.entities);
    const joined = await Promise.all(joiners);
    expect(joined.map((j) => j.entities)).toEqual([[{ id: 'feixi', figure: 20 }], [{ id: 'feixi', figure: 20 }]]);
    expect(joined[0]!.entities[0]).not.toBe(joined[1]!.entities[0]);
    joined.forEach((j) => mutate(j.entities));
    const cached = await read(['feixi']);
    expect(cached).toMatchObject({ entities: [{ id: 'feixi', figure: 20 }], errors: [], fetchedCount: 0 });
    mutate(cached.entities);
    expect((await read(['feixi'])).entities).toEqual([{ id: 'feixi', figure: 20 }]);
    expect(fetches).toHaveLength(1);
  });

  it('reads from the store, not from a fetch, once the shared fetch has settled', async () => {
    const { read, fetches } = system();
    const first = read(['chuzhou']);
    await fetchesSent(fetches, 1);
    fetches[0]!.release();
    await first;
    expect(await read(['chuzhou'])).toMatchObject({ entities: [{ id: 'chuzhou', figure: 10 }], errors: [], fetchedCount: 0 });
    expect(fetches).toHaveLength(1);
  });
});

describe('ZoneReadCache versions used', () => {
  it('tells each zone a read was served at, once, with the version read before fetching; a later write makes them no longer current', async () => {
    const { read, fetches, cache, write } = system();
    const reading = read(['chuzhou', 'feixi', 'chuzhou']);
    await fetchesSent(fetches, 1);
    write('feixi', 21); // after the versions were read: the answer is labelled with the version before
    fetches[0]!.release();
    const { versionsUsed } = await reading;
    expect(versionsUsed).toEqual([
      { service, zoneId: 'chuzhou', version: '1' },
      { service, zoneId: 'feixi', version: '1' },
    ]);
    expect(await cache.stillCurrent(versionsUsed!.slice(0, 1), () => service)).toBe(true);
    expect(await cache.stillCurrent(versionsUsed!, () => service)).toBe(false);
  });

  it('is not current for a zone now hosted by another service, nor for one no service hosts', async () => {
    const { read, fetches, cache } = system();
    const reading = read(['chuzhou']);
    await fetchesSent(fetches, 1);
    fetches[0]!.release();
    const { versionsUsed } = await reading;
    expect(await cache.stillCurrent(versionsUsed!, () => ({ name: 'anhui', url: 'http://anhui-2.test/' }))).toBe(false);
    expect(await cache.stillCurrent(versionsUsed!, () => undefined)).toBe(false);
  });

  it('has none for a read with a representation served without a version', async () => {
    const { cache } = system();
    const answer = await cache.read(
      { query: QUERY, representations: [{ __typename: 'Zone', id: 'chuzhou' }, { __typename: 'Zone' }], serviceForZone: () => service, principal: analyst },
      async () => ({ entities: [{ id: 'chuzhou', figure: 10 }, null], errors: [] }),
    );
    expect(answer.versionsUsed).toBeUndefined();
  });
});

describe('ZoneReadCache and the versions a request has seen', () => {
  it('reads with the versions a stale check of the same request read, and asks only for the others', async () => {
    const { read, fetches, versionRequests, cache, write } = system();
    const first = read(['chuzhou']);
    await fetchesSent(fetches, 1);
    fetches[0]!.release();
    const { versionsUsed } = await first;
    write('chuzhou', 11);

    const seen = new VersionsSeen();
    const asked = versionRequests.length;
    expect(await cache.stillCurrent(versionsUsed!, () => service, seen)).toBe(false);
    expect(versionRequests.slice(asked)).toEqual([['chuzhou']]);
    expect(seen.versionOf(service, 'chuzhou')).toBe('2');

    const again = read(['chuzhou', 'feixi'], seen);
    await fetchesSent(fetches, 2);
    // chuzhou's version came from the check: only feixi is asked, and noted for the request's next read.
    expect(versionRequests.slice(asked + 1)).toEqual([['feixi']]);
    expect(seen.versionOf(service, 'feixi')).toBe('1');
    fetches[1]!.release();
    const answer = await again;
    expect(answer.entities).toEqual([
      { id: 'chuzhou', figure: 11 },
      { id: 'feixi', figure: 20 },
    ]);
    expect(answer.versionsUsed).toEqual([
      { service, zoneId: 'chuzhou', version: '2' },
      { service, zoneId: 'feixi', version: '1' },
    ]);
  });

  it('never uses a version read from another service (another URL: maybe another database)', async () => {
    const { read, fetches, versionRequests } = system();
    const seen = new VersionsSeen();
    seen.note({ name: 'anhui', url: 'http://anhui-old.test/' }, 'chuzhou', '1');
    const reading = read(['chuzhou'], seen);
    await fetchesSent(fetches, 1);
    expect(versionRequests).toEqual([['chuzhou']]);
    fetches[0]!.release();
    await reading;
  });
});

describe('ZoneReadCache and a service that leaves', () => {
  /** A cache whose version requests are held until released with an answer, reporting to a recording observer. */
  function heldVersions() {
    const reported: string[] = [];
    const held: ((answer: DataVersionsAnswer) => void)[] = [];
    const store = new EntityStore({ maxEntries: 100, maxBytes: 1024 * 1024 });
    const observer = {
      served: () => undefined,
      versionCheck: (name: string) => reported.push(`check ${name}`),
      versionCheckFailed: (name: string, reason: string) => reported.push(`failed ${name} ${reason}`),
      forgetService: (name: string) => reported.push(`forget ${name}`),
    };
    const versions = new ZoneVersions({ send: () => new Promise((answer) => held.push(answer)), store, breakerClosed: () => true, observer });
    const cache = new ZoneReadCache({ versions, store, observer });
    const read = () =>
      cache.read({ query: QUERY, representations: [{ __typename: 'Zone', id: 'chuzhou' }], serviceForZone: () => service, principal: analyst }, async () => ({
        entities: [{ id: 'chuzhou', figure: 10 }],
        errors: [],
      }));
    return { cache, read, held, reported };
  }

  async function versionRequestSent(held: readonly unknown[]): Promise<void> {
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  it('reports nothing of a version request still under way when the service left, so its removed series do not come back', async () => {
    const { cache, read, held, reported } = heldVersions();
    const reading = read();
    await versionRequestSent(held);
    cache.forgetService('anhui');
    held[0]!({ status: 'failed', reason: 'timeout', detail: 'no answer within 500 ms' });
    await expect(reading).resolves.toMatchObject({ entities: [{ id: 'chuzhou', figure: 10 }], errors: [] });
    expect(reported).toEqual(['check anhui', 'forget anhui']);
  });

  it('reports the failures of version requests sent after it left, and those of other services', async () => {
    const { cache, read, held, reported } = heldVersions();
    cache.forgetService('feixi');
    const reading = read();
    await versionRequestSent(held);
    held[0]!({ status: 'failed', reason: 'timeout', detail: 'no answer within 500 ms' });
    await reading;
    expect(reported).toEqual(['forget feixi', 'check anhui', 'failed anhui timeout']);
  });
});
