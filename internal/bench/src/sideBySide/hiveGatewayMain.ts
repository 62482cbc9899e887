/**
 * `node internal/bench/dist/sideBySide/hiveGatewayMain.js`: Hive Gateway
 * (`@graphql-hive/gateway-runtime`) as a process of its own, a peer of the
 * side-by-side suite, over the supergraph the plain @apollo/gateway composed
 * (SUPERGRAPH_FILE: the province and ONE zone service). HIVE_DEDUP=on|off sets
 * the HTTP transport's in-flight deduplication of identical subgraph fetches
 * (Hive's default is on). Every subgraph request is signed with
 * SERVICE_SIGNING_KEYS and carries a national administrator's principal, as
 * our services refuse anything else. Prints `… ready at <url>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { parseSigningKeys, type SigningKeys } from '@devzone/auth';
import { benchSignedHeaders } from './httpClient';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function dedupFromEnv(): boolean {
  const value = required('HIVE_DEDUP');
  if (value !== 'on' && value !== 'off') throw new Error(`HIVE_DEDUP must be on or off, got "${value}"`);
  return value === 'on';
}

/** Signs the body string exactly as sent, with the principal header, at the last moment (after any dedup). */
function signingPlugin(keys: SigningKeys): GatewayPlugin {
  return {
    onFetch: ({ options, setOptions }) => {
      const body = typeof options.body === 'string' ? options.body : '';
      const headers = Object.fromEntries(new Headers(options.headers as HeadersInit | undefined).entries());
      setOptions({ ...options, headers: { ...headers, ...benchSignedHeaders(keys, body) } });
    },
  };
}

async function main(): Promise<void> {
  const keys = parseSigningKeys(process.env.SERVICE_SIGNING_KEYS);
  const dedup = dedupFromEnv();
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(required('SUPERGRAPH_FILE'), 'utf8'),
    // Given here: the runtime would otherwise require() it from its own folder, where pnpm does not put it.
    transports: { http: httpTransport },
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: dedup } } },
    plugins: () => [signingPlugin(keys)],
    logging: 'error',
    // A failure names its cause in the bench's output rather than "Unexpected error.".
    maskedErrors: false,
    landingPage: false,
    graphiql: false,
  });
  const server = createServer(runtime);
  const host = process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(process.env.PORT ?? 0), host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`Hive Gateway (dedup ${dedup ? 'on' : 'off'}) ready at http://${host}:${port}/graphql`);
  const stop = () => {
    server.close();
    void Promise.resolve(runtime.dispose()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`Hive Gateway could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
