import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REGISTRY_API_PATH } from '../registryApiRouter';

/** Where the CLI reaches the gateway and with which credential. */
export interface ZoneCliEnvironment {
  /** DEVZONE_GATEWAY: the gateway's base URL. @default http://localhost:4000 */
  readonly gateway: string;
  /** The `Authorization` value: DEVZONE_CREDENTIAL, else the first line of DEVZONE_CREDENTIAL_FILE. */
  readonly credential: string | undefined;
}

export interface ZoneCliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): string;
}

export const ZONE_CLI_USAGE = `Usage: pnpm zone <command> [options]
  register <registration.json> [--move <zoneId>]... [--force]
                                                    register a new zone service (--move: see update)
  update <registration.json> [--move <zoneId>]... [--force]
                                                    update one (URL, contact, zones); --move takes a zone over from the service hosting it
  deregister <name> [--force]                       remove a zone service
  status                                            services, zones, what each lacks, health
  history [--service <name>] [--limit <n>]          accepted and refused changes, newest first
  rollback <version>                                serve an earlier accepted version again (administrators)
Options: --json prints the gateway's JSON answer as it is.
Environment: DEVZONE_GATEWAY (default http://localhost:4000), DEVZONE_CREDENTIAL (an Authorization value,
e.g. "ApiKey dzk_...") or DEVZONE_CREDENTIAL_FILE (default .data/dev-credential, written by npm start).
Exit status: 0 done or accepted, 1 refused by the registry, 2 bad usage or input, 3 the gateway failed.`;

interface Problem {
  check: string;
  path: string | null;
  message: string;
}

interface ChangeResult {
  outcome: 'ACCEPTED' | 'REFUSED';
  changeId: number;
  version: number | null;
  supergraphHash: string | null;
  problems: Problem[];
  changes: { criticality: string; type: string; path: string | null; message: string }[];
}

/** Runs one CLI command; resolves to the exit status. */
export async function runZoneCli(argv: readonly string[], env: ZoneCliEnvironment, io: ZoneCliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${ZONE_CLI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, argument] = positionals;
  const force = values.force ? '?force=true' : '';
  const call = (method: string, path: string, body?: unknown) => request(env, method, path, body);
  const readRegistration = (): Record<string, unknown> | null => {
    if (!argument) {
      io.err(`${command} needs the registration file\n\n${ZONE_CLI_USAGE}`);
      return null;
    }
    try {
      const value = JSON.parse(io.readFile(argument)) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('it is not a JSON object');
      return value as Record<string, unknown>;
    } catch (error) {
      io.err(`${argument}: ${(error as Error).message}`);
      return null;
    }
  };

  let answer: Answer;
  switch (command) {
    case 'register': {
      const registration = readRegistration();
      if (!registration) return 2;
      answer = await call('POST', `/services${force}`, { ...registration, ...(values.move ? { moveZones: values.move } : {}) });
      break;
    }
    case 'update': {
      const registration = readRegistration();
      if (!registration) return 2;
      const name = registration.name;
      if (typeof name !== 'string' || name === '') {
        io.err(`${argument}: name: a registration names its service`);
        return 2;
      }
      answer = await call('PUT', `/services/${encodeURIComponent(name)}${force}`, { ...registration, ...(values.move ? { moveZones: values.move } : {}) });
      break;
    }
    case 'deregister':
      if (!argument) return usage(io, 'deregister needs the service name');
      answer = await call('DELETE', `/services/${encodeURIComponent(argument)}${force}`);
      break;
    case 'rollback': {
      const toVersion = Number(argument);
      if (!argument || !Number.isInteger(toVersion) || toVersion < 1) return usage(io, 'rollback needs a version (a whole number from 1)');
      answer = await call('POST', '/rollback', { toVersion });
      break;
    }
    case 'status':
      answer = await call('GET', '/status');
      break;
    case 'history': {
      const query = new URLSearchParams();
      if (values.service) query.set('service', values.service);
      if (values.limit) query.set('limit', values.limit);
      answer = await call('GET', `/history${query.size > 0 ? `?${query}` : ''}`);
      break;
    }
    default:
      return usage(io, command ? `unknown command "${command}"` : 'no command given');
  }

  if (answer.kind === 'failed') {
    io.err(answer.message);
    return 3;
  }
  if (values.json) {
    io.out(JSON.stringify(answer.body, null, 2));
  } else if (answer.status >= 400 && answer.status !== 422) {
    const error = (answer.body as { error?: { code?: string; message?: string } }).error;
    io.err(`HTTP ${answer.status} ${error?.code ?? ''}: ${error?.message ?? JSON.stringify(answer.body)}`);
  } else if (command === 'status') {
    printStatus(answer.body as StatusBody, io);
  } else if (command === 'history') {
    printHistory(answer.body as HistoryLine[], io);
  } else {
    printResult(answer.body as ChangeResult, io);
  }
  if (answer.status === 422) return 1;
  if (answer.status >= 500) return 3;
  return answer.status >= 400 ? 2 : 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      move: { type: 'string', multiple: true },
      service: { type: 'string' },
      limit: { type: 'string' },
    },
  });
}

function usage(io: ZoneCliIo, message: string): number {
  io.err(`${message}\n\n${ZONE_CLI_USAGE}`);
  return 2;
}

type Answer = { kind: 'answered'; status: number; body: unknown } | { kind: 'failed'; message: string };

async function request(env: ZoneCliEnvironment, method: string, path: string, body?: unknown): Promise<Answer> {
  const url = `${env.gateway.replace(/\/+$/, '')}${REGISTRY_API_PATH}${path}`;
  const headers: Record<string, string> = {};
  if (env.credential) headers.authorization = env.credential;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    try {
      return { kind: 'answered', status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'failed', message: `${method} ${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}` };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'failed', message: `${method} ${url}: ${(error as Error).message}${cause ? ` (${cause})` : ''}` };
  }
}

function printResult(result: ChangeResult, io: ZoneCliIo): void {
  if (result.outcome === 'ACCEPTED')
    io.out(`accepted: registry version ${result.version}, supergraph ${result.supergraphHash?.slice(0, 12)} (change ${result.changeId})`);
  else io.out(`refused (change ${result.changeId}); the served supergraph is unchanged:`);
  for (const problem of result.problems) io.out(`  [${problem.check}]${problem.path ? ` ${problem.path}:` : ''} ${problem.message}`);
  for (const change of result.changes) io.out(`  ${change.criticality} ${change.path ?? ''} ${change.message}`);
}

interface StatusBody {
  version: number | null;
  supergraphHash: string | null;
  services: {
    name: string;
    url: string;
    zoneIds: string[];
    lacking: string[];
    state: string;
    health: { replica: string; state: string; lastSeen: string | null }[];
  }[];
}

function printStatus(status: StatusBody, io: ZoneCliIo): void {
  if (status.version === null) {
    io.out('no zone service registered yet');
    return;
  }
  io.out(`registry version ${status.version}, supergraph ${status.supergraphHash?.slice(0, 12)}`);
  for (const service of status.services) {
    io.out(`${service.name}  ${service.state}  ${service.url}  zones: ${service.zoneIds.join(', ')}`);
    if (service.lacking.length > 0) io.out(`  lacks (held back for every service): ${service.lacking.join(', ')}`);
    for (const seen of service.health) io.out(`  ${seen.replica}: ${seen.state}, last seen ${seen.lastSeen ?? 'never'}`);
  }
}

interface HistoryLine {
  id: number;
  at: string;
  actor: string;
  action: string;
  service: string | null;
  outcome: string;
  version: number | null;
  forced: boolean;
  problems: Problem[];
}

function printHistory(lines: HistoryLine[], io: ZoneCliIo): void {
  for (const line of lines) {
    io.out(
      `#${line.id} ${line.at} ${line.outcome.toLowerCase()} ${line.action} ${line.service ?? ''} by ${line.actor}${line.version ? ` -> v${line.version}` : ''}${line.forced ? ' (forced)' : ''}`,
    );
    for (const problem of line.problems) io.out(`    [${problem.check}]${problem.path ? ` ${problem.path}:` : ''} ${problem.message}`);
  }
}

/** Reads the environment the CLI runs in. */
export function zoneCliEnvironment(env: NodeJS.ProcessEnv, defaultCredentialFile: string): ZoneCliEnvironment {
  const file = env.DEVZONE_CREDENTIAL_FILE || defaultCredentialFile;
  let credential = env.DEVZONE_CREDENTIAL?.trim() || undefined;
  if (!credential) {
    try {
      credential = readFileSync(file, 'utf8').split('\n')[0]?.trim() || undefined;
    } catch {
      credential = undefined;
    }
  }
  return { gateway: env.DEVZONE_GATEWAY || 'http://localhost:4000', credential };
}
