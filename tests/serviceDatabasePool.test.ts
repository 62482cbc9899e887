import { DEFAULT_POOL_IDLE_TIMEOUT_MS, openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';

/** The server process behind the pool's next connection (pg_backend_pid): a new one means a new connection. */
async function backendPid(database: ServiceDatabase): Promise<number> {
  const rows: unknown = await database.dataSource.query('SELECT pg_backend_pid() AS pid');
  return (rows as { pid: number }[])[0]!.pid;
}

describe.each(pgTargets())('a service database pool ($label PostgreSQL)', ({ adminUrl }) => {
  let testDatabase: TestDatabase;
  const opened: ServiceDatabase[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(adminUrl, 'pool_idle');
  });

  afterAll(async () => {
    for (const database of opened) await database.close();
    await testDatabase.drop();
  });

  const open = async (poolIdleTimeoutMs?: number) => {
    const database = await openServiceDatabase({
      url: testDatabase.url,
      entities: [],
      migrations: [],
      ...(poolIdleTimeoutMs !== undefined ? { poolIdleTimeoutMs } : {}),
    });
    opened.push(database);
    return database;
  };

  it("keeps an idle connection for five minutes by default, not node-postgres's 10 s", async () => {
    const database = await open();
    const pool = (database.dataSource.driver as unknown as { master: { options: Record<string, unknown> } }).master;
    expect(DEFAULT_POOL_IDLE_TIMEOUT_MS).toBe(300_000);
    expect(pool.options).toMatchObject({ idleTimeoutMillis: DEFAULT_POOL_IDLE_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: 60_000 });
    const first = await backendPid(database);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await backendPid(database)).toBe(first);
  });

  it('closes a connection idle past the timeout it is given: the next query gets a new one', async () => {
    const database = await open(200);
    const first = await backendPid(database);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await backendPid(database)).not.toBe(first);
  });
});
