import { Client } from 'pg';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, pgTargets, generateSigningKeys, postSignedGraphQL, type TestDatabase } from '@devzone/testkit';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';

/** The service answers signed requests only: the tests sign as the gateway does. */
const KEYS = generateSigningKeys();

const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { id enterprises(first: 3) { totalCount } } } }`;

/** What a PostgreSQL restart does to a service's pool: every server connection is cut. */
async function cutConnections(adminUrl: string, database: string): Promise<number> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.each(pgTargets())('zone service across a database restart ($label PostgreSQL)', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;
  const zones = generateZones({ zones: 2, enterprisesPerZone: 7, seed: 3, prefix: 'restart' });
  const representations = zones.map((z) => ({ __typename: 'Zone', id: z.zone.id }));

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `restart_${label}`);
    service = await startZoneService({ name: 'restart', databaseUrl: database.url, seeds: zones, synthetic: true, signingKeys: KEYS });
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('keeps running, answers again once the database is back, and keeps every row', async () => {
    const before = await postSignedGraphQL<{ _entities: { enterprises: { totalCount: number } }[] }>(service.url, KEYS, QUERY, { r: representations });
    expect(before.errors).toBeUndefined();
    expect(await cutConnections(adminUrl, database.name)).toBeGreaterThan(0);

    // The pool drops the dead connections; at worst one request fails with a clear error, the process survives.
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      answers.push(await postSignedGraphQL<{ _entities: { enterprises: { totalCount: number } }[] }>(service.url, KEYS, QUERY, { r: representations }));
      if (!answers[answers.length - 1].errors) break;
    }
    const last = answers[answers.length - 1];
    expect(last.errors).toBeUndefined();
    expect(last.data!._entities.map((z) => z.enterprises.totalCount)).toEqual([7, 7]);
  });
});
