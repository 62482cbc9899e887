import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runZoneCli, type ZoneCliIo } from '@devzone/gateway';
import type { RunningStack } from '@devzone/stack';
import { createTestDatabase, postGraphQL, startTestStack } from '@devzone/testkit';
import { loadZoneSeedFile, startZoneService, type RunningZoneService } from '@devzone/zone-subgraph';
import { startExternalZoneService, type ExternalZoneService } from './fixtures/externalZoneService';
import { NEW_PARK, NEW_PARK_FIGURE } from './fixtures/newPark';

/**
 * The runtime registry end to end: zone services registered, refused, moved and rolled
 * back at runtime through the gateway (GraphQL, HTTP/JSON and the CLI), the gateway
 * serving each accepted state without a restart and keeping the old one on a refusal.
 */
jest.setTimeout(180_000);

let stack: RunningStack;
const started: { stop(): Promise<void> }[] = [];

const RESULT = 'outcome changeId version supergraphHash problems { check path message } changes { criticality type path message }';
interface ChangeResult {
  outcome: 'ACCEPTED' | 'REFUSED';
  changeId: number;
  version: number | null;
  supergraphHash: string | null;
  problems: { check: string; path: string | null; message: string }[];
  changes: { criticality: string; type: string; path: string | null; message: string }[];
}
type Headers = Record<string, string>;

function registration(name: string, url: string, zones: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { name, url, contact: { name: 'Registry test', email: 'registry-test@example.cn' }, zones };
}

async function register(input: Record<string, unknown>, headers: Headers = {}, force = false): Promise<ChangeResult> {
  const body = await postGraphQL<{ registerZoneService: ChangeResult }>(
    stack.gatewayUrl,
    `mutation ($input: ZoneServiceRegistrationInput!, $force: Boolean!) { registerZoneService(input: $input, force: $force) { ${RESULT} } }`,
    { input, force },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return body.data!.registerZoneService;
}

async function update(input: Record<string, unknown>, moveZones: string[] | null = null, headers: Headers = {}): Promise<ChangeResult> {
  const body = await postGraphQL<{ updateZoneService: ChangeResult }>(
    stack.gatewayUrl,
    `mutation ($input: ZoneServiceRegistrationInput!, $moveZones: [ID!]) { updateZoneService(input: $input, moveZones: $moveZones) { ${RESULT} } }`,
    { input, moveZones },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return body.data!.updateZoneService;
}

async function status(): Promise<{
  version: number;
  supergraphHash: string;
  services: { name: string; url: string; zoneIds: string[]; lacking: string[]; state: string }[];
}> {
  const body = await postGraphQL<{ registryStatus: Awaited<ReturnType<typeof status>> }>(
    stack.gatewayUrl,
    '{ registryStatus { version supergraphHash services { name url zoneIds lacking state } } }',
  );
  expect(body.errors).toBeUndefined();
  return body.data!.registryStatus;
}

/** The version the gateway itself says it serves (`/ready`). */
async function servedVersion(): Promise<number | undefined> {
  const ready = (await (await fetch(new URL('/ready', stack.gatewayUrl))).json()) as { registry?: { version?: number } };
  return ready.registry?.version;
}

async function waitForServedVersion(version: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (((await servedVersion()) ?? 0) >= version) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the gateway did not serve registry version ${version} within 5 s (serves ${await servedVersion()})`);
}

/** The ids of the province-wide list with a figure each, as read through the gateway (a list the gateway may keep). */
async function listedZoneIds(): Promise<string[]> {
  const body = await postGraphQL<{ zones: { id: string }[] }>(stack.gatewayUrl, '{ zones { id indicators(codes: ["party_org.count"]) { value } } }');
  expect(body.errors).toBeUndefined();
  return body.data!.zones.map((zone) => zone.id);
}

/** Lists until the province-wide list names `zoneId`, for 5 s at most (less than the gateway keeps a list). */
async function waitUntilListed(zoneId: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ((await listedZoneIds()).includes(zoneId)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the province-wide list did not name ${zoneId} within 5 s`);
}

/** A figure of a zone read through the gateway, as any analyst would. */
async function partyOrgCount(zoneId: string): Promise<{ value: number | null; errors: string[] }> {
  const body = await postGraphQL<{ zones: { id: string; indicators: { value: number }[] | null }[] }>(
    stack.gatewayUrl,
    'query ($ids: [ID!]) { zones(ids: $ids) { id indicators(codes: ["party_org.count"]) { value } } }',
    { ids: [zoneId] },
  );
  return { value: body.data?.zones[0]?.indicators?.[0]?.value ?? null, errors: (body.errors ?? []).map((e) => e.message) };
}

async function issueZoneSystemKey(zoneIds: string[]): Promise<Headers> {
  const body = await postGraphQL<{ issueApiKey: { key: string } }>(
    stack.gatewayUrl,
    'mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }',
    { input: { label: `zone system ${zoneIds.join(',')}`, roles: ['ZONE_SYSTEM'], provinces: ['anhui'], zoneIds } },
  );
  expect(body.errors).toBeUndefined();
  return { authorization: `ApiKey ${body.data!.issueApiKey.key}` };
}

/** A local URL nothing listens on (a port taken and released). */
let closedUrl: string;

beforeAll(async () => {
  stack = await startTestStack();
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}/`;
  await new Promise<void>((done) => probe.close(() => done()));
});

afterAll(async () => {
  for (const service of started.reverse()) await service.stop().catch(() => undefined);
  await stack?.stop();
});

describe('the stack registers its zone services at start', () => {
  it('lists the four services and their zones, all up once checked', async () => {
    const { services, version } = await status();
    expect(version).toBeGreaterThanOrEqual(1);
    expect(services.map((s) => s.name).sort()).toEqual(['anhui', 'chengxi', 'jinjiang', 'yongkang']);
    expect(services.find((s) => s.name === 'anhui')!.zoneIds.sort()).toEqual(['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi']);
    expect(services.every((s) => s.lacking.length === 0)).toBe(true);
    expect(await servedVersion()).toBe(version);
  });

  it('reports each zone service as the gateway checks it, through the registry status and the directory (administrators)', async () => {
    const deadline = Date.now() + 10_000;
    while ((await status()).services.some((s) => s.state !== 'up') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect((await status()).services.map((s) => s.state)).toEqual(['up', 'up', 'up', 'up']);
    const body = await postGraphQL<{ zone: { service: { name: string; health: { state: string; lastSeen: string } } } }>(
      stack.gatewayUrl,
      '{ zone(id: "feixi") { service { name health { state lastSeen } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.zone.service).toEqual({ name: 'anhui', health: { state: 'up', lastSeen: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
  });
});

describe('a zone service not built from this repository', () => {
  let external: ExternalZoneService;

  beforeAll(async () => {
    external = await startExternalZoneService({ zones: [{ id: NEW_PARK.id, figure: NEW_PARK_FIGURE }] });
    started.push(external);
  });

  it('is refused when it breaks the contract (a field removed), naming the breaking change, and the old supergraph keeps serving', async () => {
    const broken = await startExternalZoneService({
      zones: [{ id: NEW_PARK.id, figure: NEW_PARK_FIGURE }],
      editSdl: (sdl) => sdl.replace(/\n\s*serviceStations: \[ServiceStation!\]/, ''),
    });
    started.push(broken);
    const before = await status();
    const result = await register(registration('tongling-broken', broken.url, [NEW_PARK]));
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems.map((p) => p.check)).toContain('contract');
    expect(JSON.stringify(result.problems)).toMatch(/Zone\.serviceStations/);
    expect((await status()).supergraphHash).toBe(before.supergraphHash);
    expect((await partyOrgCount('yongkang')).errors).toEqual([]);
  });

  it('registers at runtime (an administrator puts the new park in the directory) and its zone answers through the gateway next to the others', async () => {
    // Asked before it exists: the gateway keeps no answer with an error, so the zone is found as soon as it is registered.
    expect((await partyOrgCount('tongling')).errors).toEqual([expect.stringMatching(/unknown zone\(s\) "tongling"/)]);
    // The whole list, asked twice: kept by the gateway (it names every zone of the shard map).
    expect(await listedZoneIds()).not.toContain('tongling');
    expect(await listedZoneIds()).not.toContain('tongling');
    const result = await register(registration('tongling', external.url, [NEW_PARK]));
    expect(result).toMatchObject({ outcome: 'ACCEPTED', problems: [] });
    await waitForServedVersion(result.version!);
    // The kept list is not served after the registration (GATEWAY_DIRECTORY_CACHE_TTL_MS, 10 s, would outlast the wait).
    await waitUntilListed('tongling');
    expect(await partyOrgCount('tongling')).toEqual({ value: 12, errors: [] });
    expect((await partyOrgCount('yongkang')).errors).toEqual([]);
    const zone = await postGraphQL<{ zone: { nameZh: string; province: { code: string } } }>(
      stack.gatewayUrl,
      '{ zone(id: "tongling") { nameZh province { code } } }',
    );
    expect(zone.data?.zone).toEqual({ nameZh: NEW_PARK.nameZh, province: { code: 'anhui' } });
  });

  it("registered again at another address once its old one is down: read at once, not refused by the old address's open breaker", async () => {
    const breakerOf = async () => {
      const body = await postGraphQL(stack.gatewayUrl, 'query ($ids: [ID!]) { zones(ids: $ids) { id indicators(codes: ["party_org.count"]) { value } } }', {
        ids: ['tongling'],
      });
      return body.errors?.map((error) => `${String(error.extensions?.code)} ${String(error.extensions?.breaker ?? 'sent')}`);
    };
    /** The province's comparison, which reads the zone service itself (its own breaker per zone service). */
    const compared = async () => {
      const body = await postGraphQL<{ compareZones: { failedZones: { zoneId: string; message: string }[]; rows: { cells: { value: number | null }[] }[] } }>(
        stack.gatewayUrl,
        '{ compareZones(zoneIds: ["tongling"], indicators: ["party_org.count"]) { failedZones { zoneId message } rows { cells { value } } } }',
      );
      expect(body.errors ?? []).toEqual([]);
      return body.data!.compareZones;
    };
    await external.stop();
    // Failed reads open the gateway's breaker for the service, and the province's (BREAKER_FAILURE_THRESHOLD, 5 by default).
    let errors: string[] | undefined;
    for (let read = 0; read < 10 && !errors?.includes('ZONE_UNAVAILABLE OPEN'); read++) errors = await breakerOf();
    expect(errors).toEqual(['ZONE_UNAVAILABLE OPEN']);
    let failed: string | undefined;
    for (let read = 0; read < 10 && !failed?.includes('circuit breaker is open'); read++) failed = (await compared()).failedZones[0]?.message;
    expect(failed).toMatch(/circuit breaker is open/);

    const moved = await startExternalZoneService({ zones: [{ id: NEW_PARK.id, figure: NEW_PARK_FIGURE }] });
    started.push(moved);
    const result = await update(registration('tongling', moved.url, [NEW_PARK]));
    expect(result).toMatchObject({ outcome: 'ACCEPTED', problems: [] });
    await waitForServedVersion(result.version!);
    // Well within the breaker's cool-down (BREAKER_COOL_DOWN_MS, 10 s): the new address has a breaker of its own.
    expect(await partyOrgCount('tongling')).toEqual({ value: 12, errors: [] });
    expect(await compared()).toEqual({ failedZones: [], rows: [{ cells: [{ value: 12 }] }] });
  });
});

describe('a zone service that leaves the registry', () => {
  /** The services named in a `/metrics` scrape (loopback callers may scrape). */
  const servicesIn = async (serviceUrl: string) => {
    const text = await (await fetch(new URL('/metrics', serviceUrl))).text();
    return new Set([...text.matchAll(/service="([^"]+)"/g)].map((match) => match[1]));
  };

  it("leaves the gateway's and the province's /metrics: its fetch, breaker and version-request series are gone, the others stay", async () => {
    const leaving = await startExternalZoneService({ zones: [{ id: 'leaving', figure: NEW_PARK_FIGURE }] });
    started.push(leaving);
    const registered = await register(registration('leaving', leaving.url, [{ ...NEW_PARK, id: 'leaving' }]));
    expect(registered).toMatchObject({ outcome: 'ACCEPTED', problems: [] });
    await waitForServedVersion(registered.version!);
    // Read through the gateway and compared by the province: both count fetches to it.
    expect(await partyOrgCount('leaving')).toEqual({ value: 12, errors: [] });
    const compared = await postGraphQL(stack.gatewayUrl, '{ compareZones(zoneIds: ["leaving"], indicators: ["party_org.count"]) { failedZones { zoneId } } }');
    expect(compared.errors).toBeUndefined();
    expect(await servicesIn(stack.gatewayUrl)).toContain('leaving');
    expect(await servicesIn(stack.provinceUrl)).toContain('leaving');

    const removed = await postGraphQL<{ deregisterZoneService: ChangeResult }>(
      stack.gatewayUrl,
      `mutation { deregisterZoneService(name: "leaving") { ${RESULT} } }`,
    );
    expect(removed.data?.deregisterZoneService.outcome).toBe('ACCEPTED');
    await waitForServedVersion(removed.data!.deregisterZoneService.version!);
    const gateway = await servicesIn(stack.gatewayUrl);
    expect(gateway).not.toContain('leaving');
    expect(gateway).toContain('yongkang');
    const province = await servicesIn(stack.provinceUrl);
    expect(province).not.toContain('leaving');
    // The service compared before (the test above) keeps its series.
    expect(province).toContain('tongling');
  });
});

describe('a service that adds to the contract', () => {
  it('is accepted; what it adds waits until every zone service serves it, and the status says who lacks it', async () => {
    const extra = await startExternalZoneService({
      zones: [{ id: 'extra', figure: NEW_PARK_FIGURE }],
      editSdl: (sdl) => sdl.replace(/\n(\s*)serviceStations: \[ServiceStation!\]/, '\n$1serviceStations: [ServiceStation!]\n$1parkAreaSquareKm: Float'),
    });
    started.push(extra);
    const before = await status();
    const result = await register(registration('extra', extra.url, [{ ...NEW_PARK, id: 'extra' }]));
    expect(result).toMatchObject({ outcome: 'ACCEPTED', problems: [] });
    const after = await status();
    expect(after.supergraphHash).toBe(before.supergraphHash);
    expect(after.services.find((s) => s.name === 'yongkang')!.lacking).toEqual(['Zone.parkAreaSquareKm']);
    const asked = await postGraphQL(stack.gatewayUrl, '{ zone(id: "extra") { parkAreaSquareKm } }');
    expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const removed = await postGraphQL<{ deregisterZoneService: ChangeResult }>(
      stack.gatewayUrl,
      `mutation { deregisterZoneService(name: "extra") { ${RESULT} } }`,
    );
    expect(removed.data?.deregisterZoneService.outcome).toBe('ACCEPTED');
    expect((await status()).services.every((s) => s.lacking.length === 0)).toBe(true);
  });
});

describe('refusals leave the served supergraph as it was', () => {
  let hashBefore: string;
  beforeEach(async () => {
    hashBefore = (await status()).supergraphHash;
  });
  afterEach(async () => {
    expect((await status()).supergraphHash).toBe(hashBefore);
    expect((await partyOrgCount('feixi')).errors).toEqual([]);
  });

  it('an unreachable URL', async () => {
    const result = await register(registration('nowhere', closedUrl, [{ ...NEW_PARK, id: 'nowhere' }]));
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems).toEqual([expect.objectContaining({ check: 'reachability', message: expect.stringMatching(/unreachable.*ECONNREFUSED/) })]);
  });

  it('a broken schema (SDL that does not parse)', async () => {
    const broken = await startExternalZoneService({
      zones: [{ id: 'broken', figure: NEW_PARK_FIGURE }],
      reportedSdl: 'type Zone @key(fields: "id") {\n  id: ID!\n',
    });
    started.push(broken);
    const result = await register(registration('broken', broken.url, [{ ...NEW_PARK, id: 'broken' }]));
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems).toEqual([expect.objectContaining({ check: 'contract', message: expect.stringMatching(/Syntax Error/) })]);
  });

  it('a false zone claim: every claimed zone is probed as an entity', async () => {
    const liar = await startExternalZoneService({ zones: [{ id: 'liar', figure: NEW_PARK_FIGURE }] });
    started.push(liar);
    const result = await register(
      registration('liar', liar.url, [
        { ...NEW_PARK, id: 'liar' },
        { ...NEW_PARK, id: 'phantom' },
      ]),
    );
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems).toEqual([expect.objectContaining({ check: 'probe', message: expect.stringMatching(/phantom/) })]);
  });

  it('a zone another service hosts, claimed without moving it', async () => {
    const anhui = stack.zoneServices.find((s) => s.name === 'anhui')!;
    const result = await register(registration('grabber', anhui.url, [{ ...NEW_PARK, id: 'feixi', city: '肥西县' }]));
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems).toEqual([expect.objectContaining({ check: 'claims', message: expect.stringMatching(/feixi.*anhui/) })]);
  });

  it('a wrong credential: a zone system changing zones that are not its own, and no credential at all', async () => {
    const yongkangSystem = await issueZoneSystemKey(['tongling']);
    const anhui = (await status()).services.find((s) => s.name === 'anhui')!;
    const result = await update(registration('anhui', anhui.url, [{ ...NEW_PARK, id: 'feixi', city: '肥西县' }]), null, yongkangSystem);
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(new Set(result.problems.map((p) => p.check))).toEqual(new Set(['authorization']));
    const anonymous = await fetch(new URL('/registry/v1/status', stack.gatewayUrl));
    expect(anonymous.status).toBe(401);
  });

  it('a payload with bad fields, each named', async () => {
    const result = await register({ name: 'Bad Name', url: 'ftp://x', contact: { name: '' }, zones: [{ ...NEW_PARK, id: 'ok-id', city: '铜陵' }] });
    expect(result.outcome).toBe('REFUSED');
    expect(result.problems.map((p) => p.path).sort()).toEqual(['contact.name', 'name', 'url', 'zones[0].city']);
  });
});

describe('moving a zone between services under load, then rolling back', () => {
  let ningguoOwn: RunningZoneService;

  beforeAll(async () => {
    const seed = loadZoneSeedFile(resolve(__dirname, '../subgraphs/anhui/seed/ningguo.json'));
    const database = await createTestDatabase(process.env.EMBEDDED_PG_ADMIN_URL!, 'ningguo_own');
    ningguoOwn = await startZoneService({
      name: 'ningguo',
      databaseUrl: database.url,
      seeds: [seed],
      port: 0,
      host: '127.0.0.1',
      signingKeys: stack.signingKeys,
    });
    started.push({ stop: async () => (await ningguoOwn.stop(), await database.drop()) });
  });

  it('Ningguo leaves the Anhui service for its own in one change, and answers throughout', async () => {
    const before = await partyOrgCount('ningguo');
    expect(before.errors).toEqual([]);
    const versionBefore = (await status()).version;
    let failures = 0;
    let requests = 0;
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (loading) {
          const read = await partyOrgCount('ningguo');
          requests += 1;
          if (read.errors.length > 0 || read.value !== before.value) failures += 1;
          // Paced under the gateway's per-client rate limit (50/s, burst 100), which all six readers share: cached reads are fast enough to exceed it.
          await new Promise((done) => setTimeout(done, 150));
        }
      }),
    );
    const ningguo = {
      id: 'ningguo',
      nameZh: '宁国经济技术开发区',
      nameEn: 'Ningguo Economic and Technological Development Zone',
      provinceCode: 'anhui',
      city: '宁国市',
      level: 'national',
    };
    const body = await postGraphQL<{ registerZoneService: ChangeResult }>(
      stack.gatewayUrl,
      `mutation ($input: ZoneServiceRegistrationInput!, $moveZones: [ID!]) { registerZoneService(input: $input, moveZones: $moveZones) { ${RESULT} } }`,
      { input: registration('ningguo', ningguoOwn.url, [ningguo]), moveZones: ['ningguo'] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.registerZoneService.outcome).toBe('ACCEPTED');
    await waitForServedVersion(body.data!.registerZoneService.version!);
    await new Promise((done) => setTimeout(done, 500));
    loading = false;
    await load;
    expect(requests).toBeGreaterThan(20);
    expect(failures).toBe(0);
    const after = await status();
    expect(after.services.find((s) => s.name === 'ningguo')!.zoneIds).toEqual(['ningguo']);
    expect(after.services.find((s) => s.name === 'anhui')!.zoneIds).not.toContain('ningguo');

    const rollback = await postGraphQL<{ rollbackRegistry: ChangeResult }>(
      stack.gatewayUrl,
      `mutation ($v: Int!) { rollbackRegistry(toVersion: $v) { ${RESULT} } }`,
      {
        v: versionBefore,
      },
    );
    expect(rollback.data?.rollbackRegistry.outcome).toBe('ACCEPTED');
    await waitForServedVersion(rollback.data!.rollbackRegistry.version!);
    const restored = await status();
    expect(restored.services.map((s) => s.name)).not.toContain('ningguo');
    expect(restored.services.find((s) => s.name === 'anhui')!.zoneIds).toContain('ningguo');
    expect(await partyOrgCount('ningguo')).toEqual(before);
  });
});

describe('history, the HTTP/JSON endpoint and the CLI', () => {
  it('keeps every accepted and refused change with who, what and the supergraph hash', async () => {
    const body = await postGraphQL<{
      registryHistory: { action: string; outcome: string; actor: string; service: string | null; supergraphHash: string | null }[];
    }>(stack.gatewayUrl, '{ registryHistory(limit: 100) { action outcome actor service supergraphHash } }');
    expect(body.errors).toBeUndefined();
    const history = body.data!.registryHistory;
    expect(history.some((h) => h.outcome === 'REFUSED' && h.service === 'nowhere')).toBe(true);
    expect(history.some((h) => h.outcome === 'ACCEPTED' && h.action === 'rollback')).toBe(true);
    expect(history.filter((h) => h.outcome === 'ACCEPTED').every((h) => /^[0-9a-f]{64}$/.test(h.supergraphHash ?? ''))).toBe(true);
  });

  it('answers plain HTTP: status, a refusal as 422 with its problems, bad input as 400 naming the field', async () => {
    const headers = { authorization: stack.credential, 'content-type': 'application/json' };
    const statusAnswer = await fetch(new URL('/registry/v1/status', stack.gatewayUrl), { headers });
    expect(statusAnswer.status).toBe(200);
    expect(((await statusAnswer.json()) as { version: number }).version).toBeGreaterThan(1);
    const refused = await fetch(new URL('/registry/v1/services', stack.gatewayUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify(registration('nowhere2', closedUrl, [{ ...NEW_PARK, id: 'nowhere2' }])),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ChangeResult).problems[0]!.check).toBe('reachability');
    const bad = await fetch(new URL('/registry/v1/history?limit=0', stack.gatewayUrl), { headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('limit');
  });

  it('pnpm zone: status, a refused registration with exit status 1, history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zone-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(registration('nowhere3', closedUrl, [{ ...NEW_PARK, id: 'nowhere3' }])));
    const out: string[] = [];
    const err: string[] = [];
    const io: ZoneCliIo = { out: (line) => out.push(line), err: (line) => err.push(line), readFile: (path) => readFileSync(path, 'utf8') };
    const env = { gateway: new URL(stack.gatewayUrl).origin, credential: stack.credential };
    expect(await runZoneCli(['status'], env, io)).toBe(0);
    expect(out.join('\n')).toMatch(/^anhui\s+\S+\s+http/m);
    out.length = 0;
    expect(await runZoneCli(['register', file], env, io)).toBe(1);
    expect(out.join('\n')).toMatch(/refused[\s\S]*\[reachability\]/);
    expect(await runZoneCli(['history', '--service', 'nowhere3'], env, io)).toBe(0);
    expect(out.join('\n')).toMatch(/refused register nowhere3/);
    expect(await runZoneCli(['register'], env, io)).toBe(2);
    expect(await runZoneCli(['status'], { ...env, credential: undefined }, io)).toBe(2);
  });
});
