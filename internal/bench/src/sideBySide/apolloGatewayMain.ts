/**
 * `node internal/bench/dist/sideBySide/apolloGatewayMain.js`: a PLAIN
 * `@apollo/gateway` as a process of its own, the peer of the side-by-side
 * suite. `IntrospectAndCompose` over the province (PROVINCE_URL) and ONE zone
 * service (ZONE_URL): a plain gateway routes a subgraph to one URL and cannot
 * shard zones over services. Every subgraph request is signed with
 * SERVICE_SIGNING_KEYS and carries a national administrator's principal, as
 * our services refuse anything else. Nothing of ours beyond that: no cost
 * limit, no breakers, no deadlines, no dedup. Prints `… ready at <url>`.
 */
import { writeFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parseSigningKeys, type SigningKeys } from '@devzone/auth';
import { benchSignedHeaders } from './httpClient';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Signs the body string exactly as sent, with the principal header, at the last moment. */
function signingFetcher(keys: SigningKeys): Fetcher {
  return (url, init = {}) => {
    const body = init.body ?? '';
    const headers = { ...(init.headers ?? {}), ...benchSignedHeaders(keys, body) };
    return fetch(url, { ...init, headers } as RequestInit) as unknown as ReturnType<Fetcher>;
  };
}

async function main(): Promise<void> {
  const keys = parseSigningKeys(process.env.SERVICE_SIGNING_KEYS);
  const fetcher = signingFetcher(keys);
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'province', url: required('PROVINCE_URL') },
        { name: 'zones', url: required('ZONE_URL') },
      ],
    }),
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher }),
  });
  const supergraphFile = process.env.SUPERGRAPH_FILE?.trim();
  if (supergraphFile) gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => writeFileSync(supergraphFile, coreSupergraphSdl));
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) } });
  console.log(`Plain @apollo/gateway ready at ${new URL('/graphql', url).href}`);
  const stop = () =>
    void server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`plain @apollo/gateway could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
