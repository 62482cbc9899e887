/**
 * docker-compose.yml checks. There is no Docker engine where the tests run, so the
 * file is checked statically:
 *
 * - against the official Compose Specification JSON schema, vendored verbatim in
 *   tests/fixtures/compose-spec.json (origin in its "$comment"), after the same
 *   `${VAR:-default}` / `$$` interpolation `docker compose` applies;
 * - against this project's own promises: one PostgreSQL per zone service and for the
 *   province, each service's DATABASE_URL pointing at its own; the province running the
 *   runtime registry and registering the zone services of REGISTER_ZONE_SERVICES, every
 *   zone id backed by a seed file and a directory entry; two gateway replicas in registry
 *   mode on the province's database, each with its own replica id and state volume;
 *   every command running a compiled entry point of an existing source file; every
 *   environment variable one the service actually reads; one SERVICE_SIGNING_KEYS,
 *   required, for every Node service, and healthchecks on the open GET /health;
 * - the load balancer (HAProxy, deploy/haproxy/haproxy.cfg) alone published, on port
 *   4000, its servers being the gateway services at their ports, checked on GET /ready,
 *   passing Authorization and request ids through, with the gateway's body limit and
 *   timeouts above the gateway's own deadline;
 * - the Dockerfile's runtime image holding the files the gateway reads next to dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { parseSigningKeys } from '@devzone/auth';
import { metricsAccessFromEnv } from '@devzone/observability';
import { DEFAULT_GATEWAY_STATE_FILE } from '@devzone/gateway';
import { DEFAULT_SOURCES_DIR, loadDirectoryFile } from '@devzone/province';
import { SERVICE_NODE_FLAGS } from '@devzone/service-shell';
import { resolveDashboardFiles } from '../gateway/src/dashboard';
import { isWellFormedRequestId } from '@devzone/observability';
import { API_SCHEMA_FILE, VIEWS_OPERATIONS_DIR } from '../gateway/src/views/storedOperations';
import {
  gatewayConfig,
  misspelledGatewayVariables,
  provinceConfig,
  unreadVariables,
  zoneServiceConfig,
  type ServiceKind,
} from './fixtures/k8s/serviceEnvironment';

const REPO_ROOT = path.resolve(__dirname, '..');
const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');
const SCHEMA_FILE = path.join(__dirname, 'fixtures/compose-spec.json');
const DOCKERFILE = path.join(REPO_ROOT, 'Dockerfile');

/** Zone service (directory under subgraphs/) → compose service and the zones it hosts. */
const ZONE_SERVICES = {
  yongkang: { service: 'zone-yongkang', port: 4011, zoneIds: ['yongkang'] },
  chengxi: { service: 'zone-chengxi', port: 4012, zoneIds: ['chengxi'] },
  jinjiang: { service: 'zone-jinjiang', port: 4013, zoneIds: ['jinjiang'] },
  anhui: { service: 'zone-anhui', port: 4014, zoneIds: ['chuzhou', 'feixi', 'ningguo', 'changfeng', 'dangtu', 'suixi'] },
} as const;
const ZONE_SERVICE_NAMES = Object.keys(ZONE_SERVICES) as Array<keyof typeof ZONE_SERVICES>;
const ZONE_COMPOSE_SERVICES = ZONE_SERVICE_NAMES.map((name) => ZONE_SERVICES[name].service);
/** Services that own a database: the zone services and the province. */
const DATABASE_OWNERS = [...ZONE_COMPOSE_SERVICES, 'province'];
const LOAD_BALANCER = 'lb';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Service {
  image?: string;
  build?: unknown;
  init?: boolean | string;
  command?: string | string[] | null;
  restart?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  volumes?: Array<string | { type: string; source?: string; target?: string; read_only?: boolean }>;
  healthcheck?: { test?: string | string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose interpolation of one string: `$$` is a literal `$`; `${VAR}`, `$VAR`,
 * `${VAR:-default}` (default when unset or empty), `${VAR-default}` (when unset),
 * `${VAR:?err}` / `${VAR?err}` (error when missing).
 */
function interpolateString(value: string, env: Readonly<Record<string, string | undefined>>, where: string): string {
  return value.replace(
    /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_match, dollar: string | undefined, braced: string | undefined, operator: string | undefined, operand: string | undefined, bare: string | undefined) => {
      if (dollar) return '$';
      const name = (braced ?? bare) as string;
      const current = env[name];
      const missing = operator?.startsWith(':') ? current === undefined || current === '' : current === undefined;
      if (operator?.endsWith('-')) return missing ? (operand ?? '') : (current as string);
      if (operator?.endsWith('?') && missing) throw new Error(`${where}: ${name} is required (${operand ?? ''})`);
      return current ?? '';
    },
  );
}

function interpolate(value: Json, env: Readonly<Record<string, string | undefined>>, where = '(root)'): Json {
  if (typeof value === 'string') return interpolateString(value, env, where);
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, `${where}.${key}`)]));
  }
  return value;
}

const rawDocument = parse(readFileSync(COMPOSE_FILE, 'utf8')) as Json;
/** SERVICE_SIGNING_KEYS has no default: a deployment sets it (here, during a rotation: two keys). */
const DEPLOYMENT_KEYS = `k2026:${'n'.repeat(64)},k2025:${'o'.repeat(64)}`;

/** The file as `docker compose` sees it with only the required SERVICE_SIGNING_KEYS set. */
const compose = interpolate(rawDocument, { SERVICE_SIGNING_KEYS: DEPLOYMENT_KEYS }) as unknown as ComposeFile;
const services = compose.services;
/** The gateway replicas behind the load balancer: gateway-1, gateway-2, … (docs/deployment.md, "Scaling the gateway"). */
const GATEWAYS = Object.keys(services).filter((name) => /^gateway-\d+$/.test(name));
const NODE_SERVICES = [...DATABASE_OWNERS, ...GATEWAYS];
const KIND_OF: Record<string, ServiceKind> = {
  ...Object.fromEntries(ZONE_COMPOSE_SERVICES.map((name) => [name, 'zone' as const])),
  province: 'province',
  ...Object.fromEntries(GATEWAYS.map((name) => [name, 'gateway' as const])),
};

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environmentOf(name: string, file: ComposeFile = compose): Record<string, string> {
  const found = file.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  const environment = found.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function dependenciesOf(name: string): Record<string, string> {
  const dependsOn = service(name).depends_on ?? [];
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((dependency) => [dependency, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([dependency, { condition }]) => [dependency, condition]));
}

function commandOf(name: string): string[] {
  const command = service(name).command;
  if (!Array.isArray(command)) throw new Error(`service "${name}": command must be in exec form (a list), got ${JSON.stringify(command)}`);
  return command;
}

/** Published host port → container port, from the short or the long syntax. */
function publishedPorts(name: string): Array<{ published: string; target: string }> {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object') return { published: String(port.published ?? ''), target: String(port.target ?? '') };
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = parts[parts.length - 1];
    const published = parts.length >= 2 ? parts[parts.length - 2] : '';
    return { published, target };
  });
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `  ${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

interface HaproxySection {
  readonly kind: string;
  readonly name: string;
  /** Each directive as its words (quotes removed). */
  readonly lines: string[][];
}

const HAPROXY_SECTION_KINDS = [
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'resolvers',
  'peers',
  'userlist',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'cache',
];

/** HAProxy's configuration as sections of directives: a section keyword starts a section, `#` outside quotes starts a comment. */
function parseHaproxyConfig(text: string): HaproxySection[] {
  const sections: HaproxySection[] = [];
  for (const raw of text.split('\n')) {
    const words = haproxyWords(raw);
    if (words.length === 0) continue;
    if (HAPROXY_SECTION_KINDS.includes(words[0]) && !/^\s/.test(raw)) sections.push({ kind: words[0], name: words[1] ?? '', lines: [] });
    else if (sections.length === 0) throw new Error(`haproxy.cfg: a directive before any section: ${raw}`);
    else sections[sections.length - 1].lines.push(words);
  }
  return sections;
}

function haproxyWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      word += line[++i];
      started = true;
    } else if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && char === '#') break;
    else if (!quoted && /\s/.test(char)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

function haproxySection(sections: readonly HaproxySection[], kind: string, name = ''): HaproxySection {
  const found = sections.find((section) => section.kind === kind && section.name === name);
  if (!found) throw new Error(`haproxy.cfg has no section "${kind} ${name}"`);
  return found;
}

/** The section's directives that start with these words. */
function directives(section: HaproxySection, ...start: string[]): string[][] {
  return section.lines.filter((line) => start.every((word, i) => line[i]?.toLowerCase() === word.toLowerCase()));
}

function directive(section: HaproxySection, ...start: string[]): string[] | undefined {
  return directives(section, ...start)[0];
}

/** HAProxy durations: a number with an optional unit (us, ms, s, m, h, d; milliseconds by default). */
function haproxyDurationMs(value: string): number {
  const match = /^(\d+)(us|ms|s|m|h|d)?$/.exec(value);
  if (!match) throw new Error(`not an HAProxy duration: "${value}"`);
  const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return Number(match[1]) * unitMs[match[2] ?? 'ms'];
}

describe('docker-compose.yml against the Compose Specification schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // The schema's "$schema" (https://json-schema.org/draft-07/schema) is not the id
  // of Ajv's bundled draft-07 meta-schema (http://...#), so it is not looked up; the
  // default Ajv export implements draft-07. Union types are how the schema is written.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const validate = ajv.compile(schema);

  it('is the vendored upstream schema, in draft-07', () => {
    expect(schema.$comment).toEqual(expect.stringContaining('compose-spec/compose-spec'));
    expect(schema.$comment).toEqual(expect.stringContaining('schema/compose-spec.json'));
    expect(schema.$schema).toBe('https://json-schema.org/draft-07/schema');
    expect(schema.title).toBe('Compose Specification');
  });

  it('accepts the interpolated compose file', () => {
    const valid = validate(compose);
    if (!valid) throw new Error(`docker-compose.yml does not match the Compose Specification:\n${formatAjvErrors(validate.errors)}`);
  });

  it('accepts the file as written too (before interpolation)', () => {
    const valid = validate(rawDocument);
    if (!valid) throw new Error(`docker-compose.yml does not match the Compose Specification:\n${formatAjvErrors(validate.errors)}`);
  });

  it('rejects broken compose files (the validator is not a no-op)', () => {
    const broken: Array<[string, Json]> = [
      ['unknown top-level key', { ...(compose as unknown as Record<string, Json>), servics: {} }],
      ['unknown service key', { services: { app: { image: 'x', imgae: 'y' } } }],
      ['bad depends_on condition', { services: { app: { image: 'x', depends_on: { db: { condition: 'service_ready' } } } } }],
      ['environment value of the wrong type', { services: { app: { image: 'x', environment: { A: { nested: true } } } } }],
    ];
    for (const [label, document] of broken) {
      expect([label, validate(document)]).toEqual([label, false]);
    }
  });

  it('interpolates like compose ($$ is a literal $; defaults apply when unset)', () => {
    expect(interpolateString('a$$b ${X:-d} ${Y-e} ${Z}', { Z: 'z' }, 't')).toBe('a$b d e z');
    expect(interpolateString('${X:-d}', { X: '' }, 't')).toBe('d');
    expect(interpolateString('${X-d}', { X: '' }, 't')).toBe('');
    expect(() => interpolateString('${X:?set X}', {}, 't')).toThrow(/X is required/);
    // The file itself: the password default and the escaped healthcheck variables.
    expect(environmentOf('db-province').POSTGRES_PASSWORD).toBe('devzone');
    expect(() => interpolate(rawDocument, {})).toThrow(/SERVICE_SIGNING_KEYS is required \(set a shared signing key\)/);
    expect(interpolate(rawDocument, { POSTGRES_PASSWORD: 's3cret', SERVICE_SIGNING_KEYS: DEPLOYMENT_KEYS })).toMatchObject({
      services: {
        'zone-anhui': { environment: { DATABASE_URL: 'postgres://devzone:s3cret@db-anhui:5432/devzone_anhui' } },
        'gateway-2': { environment: { REGISTRY_DATABASE_URL: 'postgres://devzone:s3cret@db-province:5432/devzone_province' } },
      },
    });
    expect(JSON.stringify(service('db-province').healthcheck?.test)).toContain('${POSTGRES_USER}');
  });
});

describe('docker-compose.yml: services and databases', () => {
  it('has the zone services, the province, at least two gateway replicas, the load balancer, and one database per zone service and for the province', () => {
    expect(GATEWAYS.length).toBeGreaterThanOrEqual(2);
    const databases = DATABASE_OWNERS.map((owner) => databaseOf(owner));
    expect(new Set(databases).size).toBe(DATABASE_OWNERS.length);
    expect(Object.keys(services).sort()).toEqual([...NODE_SERVICES, LOAD_BALANCER, ...databases].sort());
  });

  it('runs every database on postgres:17 with its own named volume, a pg_isready healthcheck and a restart policy', () => {
    const volumes = new Set<string>();
    for (const owner of DATABASE_OWNERS) {
      const name = databaseOf(owner);
      const db = service(name);
      expect([name, db.image]).toEqual([name, 'postgres:17']);
      expect([name, db.restart]).toEqual([name, 'unless-stopped']);
      expect([name, JSON.stringify(db.healthcheck?.test ?? '')]).toEqual([name, expect.stringContaining('pg_isready')]);
      const env = environmentOf(name);
      for (const key of ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']) expect([name, key, env[key]]).toEqual([name, key, expect.any(String)]);
      const data = mountsOf(name).find((mount) => mount.target === '/var/lib/postgresql/data');
      expect([name, data?.source]).toEqual([name, expect.any(String)]);
      // A named volume (declared at the top level), not a bind mount.
      expect([name, Object.keys(compose.volumes ?? {})]).toEqual([name, expect.arrayContaining([data?.source])]);
      expect(volumes.has(data!.source!)).toBe(false);
      volumes.add(data!.source!);
    }
  });

  it("points every zone service's and the province's DATABASE_URL at its own database, waiting for it to be healthy", () => {
    for (const owner of DATABASE_OWNERS) {
      const dbName = databaseOf(owner);
      const dbEnv = environmentOf(dbName);
      const url = new URL(environmentOf(owner).DATABASE_URL);
      expect([owner, url.protocol]).toEqual([owner, 'postgres:']);
      expect([owner, url.hostname, url.port || '5432']).toEqual([owner, dbName, '5432']);
      expect([owner, url.pathname]).toEqual([owner, `/${dbEnv.POSTGRES_DB}`]);
      expect([owner, decodeURIComponent(url.username), decodeURIComponent(url.password)]).toEqual([owner, dbEnv.POSTGRES_USER, dbEnv.POSTGRES_PASSWORD]);
      expect([owner, dependenciesOf(owner)[dbName]]).toEqual([owner, 'service_healthy']);
    }
  });

  it('runs every Node service from the one image, behind an init process, with restart: unless-stopped', () => {
    const images = new Set(NODE_SERVICES.map((name) => service(name).image));
    const builds = new Set(NODE_SERVICES.map((name) => JSON.stringify(service(name).build)));
    expect(images.size).toBe(1);
    expect(builds.size).toBe(1);
    expect(service('gateway-1').build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(DOCKERFILE)).toBe(true);
    // The image's default command runs the gateway with the services' node options.
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(DOCKERFILE, 'utf8'))?.[1];
    expect(cmd && (JSON.parse(cmd) as unknown)).toEqual(['node', ...SERVICE_NODE_FLAGS, 'gateway/dist/main.js']);
    // node is not PID 1: the init forwards docker stop's SIGTERM (Apollo Server re-raises it after draining).
    for (const name of NODE_SERVICES) expect([name, service(name).init]).toEqual([name, true]);
    for (const name of Object.keys(services)) expect([name, service(name).restart]).toEqual([name, 'unless-stopped']);
  });

  it('runs `node <SERVICE_NODE_FLAGS> <package>/dist/main.js` for every Node service, compiled from an existing <package>/src/main.ts', () => {
    const expected: Record<string, string> = {
      ...Object.fromEntries(ZONE_SERVICE_NAMES.map((name) => [ZONE_SERVICES[name].service, `subgraphs/${name}/dist/main.js`])),
      province: 'subgraphs/province/dist/main.js',
      ...Object.fromEntries(GATEWAYS.map((name) => [name, 'gateway/dist/main.js'])),
    };
    for (const name of NODE_SERVICES) {
      const command = commandOf(name);
      expect([name, command]).toEqual([name, ['node', ...SERVICE_NODE_FLAGS, expected[name]]]);
      const source = command[command.length - 1]!.replace(/\/dist\/(.+)\.js$/, '/src/$1.ts');
      expect([name, source, existsSync(path.join(REPO_ROOT, source))]).toEqual([name, source, true]);
    }
  });

  it('publishes only the load balancer, on port 4000', () => {
    expect(publishedPorts(LOAD_BALANCER)).toEqual([{ published: '4000', target: '4000' }]);
    for (const name of Object.keys(services).filter((other) => other !== LOAD_BALANCER)) expect([name, publishedPorts(name)]).toEqual([name, []]);
  });

  it('passes METRICS_TOKEN to every Node service when it is set, and leaves /metrics to the container when it is not', () => {
    const token = 'prometheus-scrape-token-2026';
    const withToken = interpolate(rawDocument, { SERVICE_SIGNING_KEYS: DEPLOYMENT_KEYS, METRICS_TOKEN: token }) as unknown as ComposeFile;
    for (const name of NODE_SERVICES) {
      expect([name, metricsAccessFromEnv(environmentOf(name, withToken))]).toEqual([name, { public: false, token }]);
      expect([name, metricsAccessFromEnv(environmentOf(name))]).toEqual([name, { public: false, token: undefined }]);
    }
  });

  it('gives every Node service the one SERVICE_SIGNING_KEYS, and checks every Node service on the open GET /health', () => {
    const expected = parseSigningKeys(DEPLOYMENT_KEYS);
    for (const name of NODE_SERVICES) expect([name, parseSigningKeys(environmentOf(name).SERVICE_SIGNING_KEYS)]).toEqual([name, expected]);
    for (const name of NODE_SERVICES) {
      const test = JSON.stringify(service(name).healthcheck?.test ?? '');
      // A GraphQL POST there would be refused (unsigned): the healthcheck must not need a signature.
      expect([name, test.includes("'/health'"), test.includes('POST')]).toEqual([name, true, false]);
    }
  });

  it('starts the province after its database and every zone service (it registers them), the gateways after the province, the LB after the gateways', () => {
    expect(dependenciesOf('province')).toEqual({
      [databaseOf('province')]: 'service_healthy',
      ...Object.fromEntries(ZONE_COMPOSE_SERVICES.map((name) => [name, 'service_healthy'])),
    });
    for (const name of GATEWAYS)
      expect([name, dependenciesOf(name)]).toEqual([name, { [databaseOf('province')]: 'service_healthy', province: 'service_healthy' }]);
    // The LB's own checks on /ready decide which replica gets traffic; it need not wait for them to be healthy.
    expect(dependenciesOf(LOAD_BALANCER)).toEqual(Object.fromEntries(GATEWAYS.map((name) => [name, 'service_started'])));
    for (const name of DATABASE_OWNERS) expect([name, service(name).healthcheck?.test]).toEqual([name, expect.anything()]);
  });
});

describe('docker-compose.yml: the runtime registry', () => {
  const province = provinceConfig(environmentOf('province'));

  it('runs the province with the runtime registry (no ZONE_SERVICES) and the gateways without a static list', () => {
    expect(province.staticList).toBe(false);
    for (const name of NODE_SERVICES) expect([name, environmentOf(name).ZONE_SERVICES]).toEqual([name, undefined]);
  });

  it('registers every zone service at start (REGISTER_ZONE_SERVICES, read by the registry) with its zones, at its compose service and port', () => {
    const entries = province.registers;
    expect(entries.map((entry) => entry.name).sort()).toEqual([...ZONE_SERVICE_NAMES].sort());
    for (const entry of entries) {
      const expected = ZONE_SERVICES[entry.name as keyof typeof ZONE_SERVICES];
      expect([entry.name, [...entry.zoneIds].sort()]).toEqual([entry.name, [...expected.zoneIds].sort()]);
      const url = new URL(entry.url);
      expect([entry.name, url.protocol, url.hostname, url.port]).toEqual([entry.name, 'http:', expected.service, String(expected.port)]);
      expect([entry.name, environmentOf(expected.service).PORT]).toEqual([entry.name, String(expected.port)]);
      expect([entry.name, commandOf(expected.service).at(-1)]).toEqual([entry.name, `subgraphs/${entry.name}/dist/main.js`]);
    }
  });

  it('has a seed file subgraphs/<service>/seed/<zoneId>.json for every registered zone, and registers every seeded zone', () => {
    for (const entry of province.registers) {
      const seedDir = path.join(REPO_ROOT, 'subgraphs', entry.name, 'seed');
      for (const zoneId of entry.zoneIds) {
        const file = path.join(seedDir, `${zoneId}.json`);
        expect([entry.name, zoneId, existsSync(file)]).toEqual([entry.name, zoneId, true]);
      }
      // The service hosts every zone seeded in its directory: none may be left unrouted.
      const seeded = readdirSync(seedDir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''));
      expect([entry.name, seeded.sort()]).toEqual([entry.name, [...entry.zoneIds].sort()]);
    }
  });

  it("registers only zones of the province's directory seed (registerZoneServices refuses to start otherwise)", () => {
    const directory = loadDirectoryFile(path.join(REPO_ROOT, 'subgraphs/province/seed/directory.json'));
    const known = new Set(directory.zones.map((zone) => zone.id));
    expect(province.registers.flatMap((entry) => entry.zoneIds).filter((zoneId) => !known.has(zoneId))).toEqual([]);
  });

  it("runs two gateway replicas in registry mode on the province's database, with distinct replica ids", () => {
    const provinceDatabase = environmentOf('province').DATABASE_URL;
    const replicaIds = GATEWAYS.map((name) => {
      const { config } = gatewayConfig(environmentOf(name));
      if (config.mode !== 'registry') throw new Error(`${name} runs in ${config.mode} mode: expected the runtime registry (REGISTRY_DATABASE_URL)`);
      expect([name, config.registrySource.databaseUrl]).toEqual([name, provinceDatabase]);
      return config.registrySource.replicaId;
    });
    expect(replicaIds).toEqual(GATEWAYS);
    expect(new Set(replicaIds).size).toBe(GATEWAYS.length);
  });

  it('keeps each replica’s state file on its own named volume, in the folder the image gives the node user', () => {
    const dockerfile = readFileSync(DOCKERFILE, 'utf8');
    const stateVolumes = GATEWAYS.map((name) => {
      const { config } = gatewayConfig(environmentOf(name));
      if (config.mode !== 'registry') throw new Error(`${name} is not in registry mode`);
      const folder = path.posix.dirname(config.registrySource.stateFile);
      const mount = mountsOf(name).find((candidate) => candidate.target === folder);
      expect([name, mount?.type]).toEqual([name, 'volume']);
      expect([name, Object.keys(compose.volumes ?? {})]).toEqual([name, expect.arrayContaining([mount?.source])]);
      // The image creates the folder owned by node, so a new volume there starts out writable.
      expect([name, dockerfile.includes(`mkdir -p ${folder} && chown node:node ${folder}`)]).toEqual([name, true]);
      // The file the gateway would use without the variable lands there too (WORKDIR /app).
      expect([name, path.posix.join('/app', DEFAULT_GATEWAY_STATE_FILE)]).toEqual([name, config.registrySource.stateFile]);
      return mount?.source;
    });
    expect(new Set(stateVolumes).size).toBe(GATEWAYS.length);
  });
});

describe('docker-compose.yml: the load balancer', () => {
  const lb = service(LOAD_BALANCER);
  const mount = mountsOf(LOAD_BALANCER).find((candidate) => candidate.target === '/usr/local/etc/haproxy/haproxy.cfg');
  const configFile = path.join(REPO_ROOT, mount?.source ?? 'missing');
  const haproxy = parseHaproxyConfig(readFileSync(configFile, 'utf8'));
  const frontend = haproxySection(haproxy, 'frontend', 'graph');
  const backendName = directive(frontend, 'default_backend')?.[1] ?? 'missing';
  const backend = haproxySection(haproxy, 'backend', backendName);
  const defaults = haproxySection(haproxy, 'defaults');

  it('is the official HAProxy image with deploy/haproxy/haproxy.cfg mounted read-only', () => {
    expect(lb.image).toBe('haproxy:3.0-alpine');
    expect(mount).toEqual({ type: 'bind', source: './deploy/haproxy/haproxy.cfg', target: '/usr/local/etc/haproxy/haproxy.cfg', readOnly: true });
    expect(existsSync(configFile)).toBe(true);
  });

  it('listens on the published port and balances over exactly the gateway services, at their ports', () => {
    expect(directives(frontend, 'bind').map((line) => line[1])).toEqual([`:${publishedPorts(LOAD_BALANCER)[0].target}`]);
    const servers = directives(backend, 'server').map(([, name, address]) => ({ name, address }));
    expect(servers.map((server) => server.name).sort()).toEqual([...GATEWAYS].sort());
    for (const server of servers) expect(server.address).toBe(`${server.name}:${environmentOf(server.name).PORT}`);
    expect(directive(backend, 'balance')).toEqual(['balance', 'roundrobin']);
  });

  it('sends traffic only to replicas whose GET /ready answers 200, resolving replicas that start after it', () => {
    expect(directive(backend, 'option', 'httpchk')).toBeDefined();
    expect(directive(backend, 'http-check', 'send')).toEqual(expect.arrayContaining(['meth', 'GET', 'uri', '/ready']));
    expect(directive(backend, 'http-check', 'expect')).toEqual(['http-check', 'expect', 'status', '200']);
    const serverDefaults = directive(backend, 'default-server') ?? [];
    expect(serverDefaults).toEqual(expect.arrayContaining(['check', 'resolvers', 'init-addr']));
    const resolvers = serverDefaults[serverDefaults.indexOf('resolvers') + 1];
    expect(haproxySection(haproxy, 'resolvers', resolvers)).toBeDefined();
  });

  it('passes Authorization through and keeps exactly the request ids the gateway keeps', () => {
    const rules = haproxy.flatMap((section) => section.lines.map((line) => line.join(' ').toLowerCase()));
    expect(rules.filter((rule) => /(del-header|set-header|replace-header|replace-value)\s+authorization/.test(rule))).toEqual([]);
    expect(rules.filter((rule) => /del-header\s+x-request-id/.test(rule))).toEqual([]);
    const setId = directives(frontend, 'http-request', 'set-header', 'X-Request-Id');
    expect(setId).toHaveLength(1);
    const condition = setId[0].slice(setId[0].indexOf('unless') + 1);
    expect(condition).toHaveLength(1);
    const acl = directives(frontend, 'acl', condition[0])[0];
    expect(acl.slice(2, 5)).toEqual(['req.hdr(x-request-id)', '-m', 'reg']);
    const lbKeeps = new RegExp(acl[5]);
    const samples = [
      '0f8fe3a4-5b0e-4a8f-9b7a-0f1e2d3c4b5a',
      'batch-2026.12.02:17',
      'short',
      'has space here',
      'quote"inside-it',
      '-leading-dash',
      'x'.repeat(128),
      'x'.repeat(129),
      '中文请求编号编号编号',
    ];
    for (const sample of samples) expect([sample, lbKeeps.test(sample)]).toEqual([sample, gatewayKeepsRequestId(sample)]);
  });

  it("refuses a body declared larger than the gateway's limit, and gives up later than the gateway's own deadline", () => {
    const gatewayLimit = /const BODY_LIMIT_MB = (\d+);/.exec(readFileSync(path.join(REPO_ROOT, 'gateway/src/main.ts'), 'utf8'));
    expect(gatewayLimit).not.toBeNull();
    const limitBytes = Number(gatewayLimit![1]) * 1024 * 1024;
    const refusal = directives(frontend, 'http-request', 'return', 'status', '413');
    expect(refusal).toHaveLength(1);
    expect(refusal[0].slice(-6)).toEqual(['if', '{', 'req.hdr_val(content-length)', 'gt', String(limitBytes), '}']);
    const { resilience } = gatewayConfig(environmentOf(GATEWAYS[0]));
    for (const kind of ['client', 'server']) {
      const value = directive(defaults, 'timeout', kind)?.[2] ?? '';
      expect([kind, haproxyDurationMs(value) > resilience.requestTimeoutMs]).toEqual([kind, true]);
    }
    for (const kind of ['connect', 'http-request', 'http-keep-alive', 'check'])
      expect([kind, directive(defaults, 'timeout', kind)?.[2]]).toEqual([kind, expect.any(String)]);
  });

  it('never replays a request a gateway received (retries only connections that could not be opened)', () => {
    const retryOn = haproxy.flatMap((section) => directives(section, 'retry-on'));
    expect(retryOn.flatMap((line) => line.slice(1)).filter((condition) => condition !== 'conn-failure')).toEqual([]);
  });

  it('is healthy while a replica is ready, asked on its unpublished monitor port', () => {
    const monitor = haproxy.find((section) => section.kind === 'frontend' && directive(section, 'monitor-uri'));
    expect(monitor).toBeDefined();
    const port = directive(monitor!, 'bind')?.[1]?.replace(/^.*:/, '');
    const uri = directive(monitor!, 'monitor-uri')?.[1];
    expect(JSON.stringify(lb.healthcheck?.test)).toContain(`http://127.0.0.1:${port}${uri}`);
    expect(directive(monitor!, 'monitor', 'fail')).toEqual(['monitor', 'fail', 'if', '{', `nbsrv(${backendName})`, 'lt', '1', '}']);
    expect(publishedPorts(LOAD_BALANCER).map((published) => published.target)).not.toContain(port);
  });
});

describe('docker-compose.yml: environment variables the services read', () => {
  it('sets on each Node service only variables it reads', () => {
    expect(misspelledGatewayVariables()).toEqual([]);
    for (const name of NODE_SERVICES) expect([name, unreadVariables(KIND_OF[name], environmentOf(name))]).toEqual([name, []]);
  });

  it('gives each zone service values its configuration accepts', () => {
    for (const name of ZONE_SERVICE_NAMES) {
      const composeName = ZONE_SERVICES[name].service;
      const parsed = zoneServiceConfig(environmentOf(composeName));
      expect([composeName, parsed.PORT, parsed.HOST, parsed.DATABASE_URL]).toEqual([composeName, ZONE_SERVICES[name].port, '0.0.0.0', expect.any(String)]);
      expect([composeName, parsed.SERVICE_SIGNING_KEYS.map((key) => key.id)]).toEqual([composeName, ['k2026', 'k2025']]);
    }
  });

  it('gives the province values it accepts', () => {
    const { config } = provinceConfig(environmentOf('province'));
    expect(config.PORT).toBe(4001);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATABASE_URL).toEqual(expect.any(String));
    expect(config.SERVICE_SIGNING_KEYS.map((key) => key.id)).toEqual(['k2026', 'k2025']);
  });

  it('gives each gateway values loadGatewayConfig, loadResilienceConfig and loadGatewayAuthOptions accept', () => {
    for (const name of GATEWAYS) {
      const { config, resilience } = gatewayConfig(environmentOf(name));
      expect([name, config.port, config.host, config.timeoutMs, resilience.timeoutMs]).toEqual([name, 4000, '0.0.0.0', 5000, 5000]);
      const provinceUrl = new URL(config.provinceUrl);
      expect([name, provinceUrl.hostname, provinceUrl.port]).toEqual([name, 'province', environmentOf('province').PORT]);
      expect([name, config.signingKeys.map((key) => key.id)]).toEqual([name, ['k2026', 'k2025']]);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');
  const runtimeFiles = (/^ARG RUNTIME_FILES="([^"]*)"$/m.exec(dockerfile)?.[1] ?? '').split(/\s+/).filter(Boolean);

  it('copies into the runtime image every file the gateway and the province read next to dist/', () => {
    const dashboardDir = path.dirname(resolveDashboardFiles().assetsDir);
    const readAtRunTime = [dashboardDir, VIEWS_OPERATIONS_DIR, API_SCHEMA_FILE, path.dirname(DEFAULT_SOURCES_DIR)].map((file) =>
      path.relative(REPO_ROOT, file),
    );
    expect(readAtRunTime).toEqual(['gateway/dashboard', 'gateway/views', 'gateway/schema.graphql', 'data']);
    expect(runtimeFiles).toEqual(expect.arrayContaining(readAtRunTime));
    for (const file of runtimeFiles) expect([file, existsSync(path.join(REPO_ROOT, file))]).toEqual([file, true]);
    expect(dockerfile).toMatch(/for path in \$RUNTIME_FILES; do/);
  });

  it('gives the install stages every patch pnpm-workspace.yaml applies to a dependency', () => {
    const workspace = parse(readFileSync(path.join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')) as { patchedDependencies?: Record<string, string> };
    const patches = Object.values(workspace.patchedDependencies ?? {});
    expect(patches.length).toBeGreaterThan(0);
    const manifests = dockerfile.slice(dockerfile.indexOf(' AS manifests'), dockerfile.indexOf(' AS build'));
    const copied = /&& cp -r ([^\\\n]*) \/manifests\//.exec(manifests)?.[1]?.split(/\s+/) ?? [];
    for (const patch of patches) {
      expect([patch, existsSync(path.join(REPO_ROOT, patch))]).toEqual([patch, true]);
      expect([patch, copied]).toEqual([patch, expect.arrayContaining([patch.split('/')[0]])]);
    }
  });

  it('runs as the unprivileged node user with NODE_ENV=production', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
    expect(runtime).toMatch(/^USER node$/m);
  });
});

/** The database service an app service's DATABASE_URL points at (checked above to be its own). */
function databaseOf(owner: string): string {
  return new URL(environmentOf(owner).DATABASE_URL).hostname;
}

/** A service's mounts, short or long syntax. */
function mountsOf(name: string): Array<{ type: string; source?: string; target?: string; readOnly: boolean }> {
  return (service(name).volumes ?? []).map((mount) => {
    if (typeof mount !== 'string') return { type: mount.type, source: mount.source, target: mount.target, readOnly: mount.read_only === true };
    const [source, target, mode] = mount.split(':');
    const type = source.startsWith('.') || source.startsWith('/') ? 'bind' : 'volume';
    return { type, source, target, readOnly: mode === 'ro' };
  });
}

/** Whether the gateway keeps an incoming x-request-id (rather than making a new one). */
function gatewayKeepsRequestId(incoming: string): boolean {
  return isWellFormedRequestId(incoming);
}
