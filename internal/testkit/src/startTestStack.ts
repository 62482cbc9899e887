import { startStack, type RunningStack, type StackOptions } from '@devzone/stack';
import { createTestDatabase, type TestDatabase } from './databases';
import { forgetDefaultCredential, useDefaultCredential } from './graphqlClient';

export type TestStackOptions = Partial<Omit<StackOptions, 'databaseFor'>> & {
  /** Server to create the stack's databases on. @default the embedded test server */
  adminUrl?: string;
};

/**
 * The whole system in-process on free ports, each service on a fresh database
 * (the role of graphql-hive's tenv): tests talk to it over HTTP and stop it in afterAll.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<RunningStack> {
  const adminUrl = options.adminUrl ?? process.env.EMBEDDED_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('no PostgreSQL server for the test stack (EMBEDDED_PG_ADMIN_URL is unset: run through jest)');
  const databases: TestDatabase[] = [];
  const stack = await startStack({
    ports: 'free',
    ...options,
    databaseFor: async (service) => {
      const database = await createTestDatabase(adminUrl, service);
      databases.push(database);
      return database.url;
    },
  });
  // postGraphQL sends the stack's administrator credential unless a test passes its own `authorization`.
  useDefaultCredential(stack.gatewayUrl, stack.credential);
  return {
    ...stack,
    stop: async () => {
      forgetDefaultCredential(stack.gatewayUrl);
      await stack.stop();
      for (const database of databases) await database.drop().catch(() => undefined);
    },
  };
}
