/**
 * docker-compose.yml checks. There is no Docker engine where the tests run, so the
 * file is checked statically:
 *
 * - against the official Compose Specification JSON schema, vendored verbatim in
 *   tests/fixtures/compose-spec.json (origin in its "$comment"), after the same
 *   `${VAR:-default}` / `$$` interpolation `docker compose` applies;
 * - against this project's own promises: one PostgreSQL per zone service and for the
 *   province, each service's DATABASE_URL pointing at its own; ZONE_SERVICES valid
 *   and identical for the gateway and the province, every zone id backed by a seed
 *   file; every command running a compiled entry point of an existing source file;
 *   every environment variable one the service actually reads; one SERVICE_SIGNING_KEYS,
 *   required, for every Node service, and healthchecks on the open GET /health; the
 *   gateway alone published, on port 4000.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { parseSigningKeys } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { loadGatewayConfig } from '@devzone/gateway';
import { provinceEnvSchema } from '@devzone/province';
import { zoneServiceEnvSchema } from '@devzone/zone-subgraph';

const REPO_ROOT = path.resolve(__dirname, '..');
const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');
const SCHEMA_FILE = path.join(__dirname, 'fixtures/compose-spec.json');

/** Zone service (directory under subgraphs/) → compose service and the zones it hosts. */
const ZONE_SERVICES = {
  yongkang: { service: 'zone-yongkang', port: 4011, zoneIds: ['yongkang'] },
  chengxi: { service: 'zone-chengxi', port: 4012, zoneIds: ['chengxi'] },
  jinjiang: { service: 'zone-jinjiang', port: 4013, zoneIds: ['jinjiang'] },
  anhui: { service: 'zone-anhui', port: 4014, zoneIds: ['chuzhou', 'feixi', 'ningguo', 'changfeng', 'dangtu', 'suixi'] },
} as const;
const ZONE_SERVICE_NAMES = Object.keys(ZONE_SERVICES) as Array<keyof typeof ZONE_SERVICES>;
/** Services that own a database: the zone services and the province. */
const DATABASE_OWNERS = [...ZONE_SERVICE_NAMES.map((name) => ZONE_SERVICES[name].service), 'province'];
const APP_SERVICES = [...DATABASE_OWNERS, 'gateway'];
/**
 * What gateway/src/config.ts reads (its zod schema is not exported): PORT,
 * PROVINCE_URL, ZONE_TIMEOUT_MS, plus ZONE_SERVICES through the registry.
 */
const GATEWAY_VARIABLES = ['PORT', 'HOST', 'PROVINCE_URL', 'ZONE_TIMEOUT_MS', 'ZONE_SERVICES', 'SERVICE_SIGNING_KEYS'];

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
  volumes?: Array<string | { type: string; source?: string; target?: string }>;
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

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environmentOf(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
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
      services: { 'zone-anhui': { environment: { DATABASE_URL: 'postgres://devzone:s3cret@db-anhui:5432/devzone_anhui' } } },
    });
    expect(JSON.stringify(service('db-province').healthcheck?.test)).toContain('${POSTGRES_USER}');
  });
});

describe('docker-compose.yml: services and databases', () => {
  it('has exactly the six Node services and one database per zone service and for the province', () => {
    const databases = DATABASE_OWNERS.map((owner) => databaseOf(owner));
    expect(new Set(databases).size).toBe(DATABASE_OWNERS.length);
    expect(Object.keys(services).sort()).toEqual([...APP_SERVICES, ...databases].sort());
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
      const dataMounts = (db.volumes ?? []).map((mount) =>
        typeof mount === 'string' ? { source: mount.split(':')[0], target: mount.split(':')[1] } : { source: mount.source, target: mount.target },
      );
      const data = dataMounts.find((mount) => mount.target === '/var/lib/postgresql/data');
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
    const images = new Set(APP_SERVICES.map((name) => service(name).image));
    const builds = new Set(APP_SERVICES.map((name) => JSON.stringify(service(name).build)));
    expect(images.size).toBe(1);
    expect(builds.size).toBe(1);
    expect(service('gateway').build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(path.join(REPO_ROOT, 'Dockerfile'))).toBe(true);
    // node is not PID 1: the init forwards docker stop's SIGTERM (Apollo Server re-raises it after draining).
    for (const name of APP_SERVICES) expect([name, service(name).init]).toEqual([name, true]);
    for (const name of Object.keys(services)) expect([name, service(name).restart]).toEqual([name, 'unless-stopped']);
  });

  it('runs `node <package>/dist/main.js` for every Node service, compiled from an existing <package>/src/main.ts', () => {
    const expected: Record<string, string> = {
      ...Object.fromEntries(ZONE_SERVICE_NAMES.map((name) => [ZONE_SERVICES[name].service, `subgraphs/${name}/dist/main.js`])),
      province: 'subgraphs/province/dist/main.js',
      gateway: 'gateway/dist/main.js',
    };
    for (const name of APP_SERVICES) {
      const command = commandOf(name);
      expect([name, command]).toEqual([name, ['node', expected[name]]]);
      const source = command[1].replace(/\/dist\/(.+)\.js$/, '/src/$1.ts');
      expect([name, source, existsSync(path.join(REPO_ROOT, source))]).toEqual([name, source, true]);
    }
  });

  it('publishes only the gateway, on port 4000', () => {
    expect(publishedPorts('gateway')).toEqual([{ published: '4000', target: '4000' }]);
    expect(environmentOf('gateway').PORT).toBe('4000');
    for (const name of Object.keys(services).filter((other) => other !== 'gateway')) expect([name, publishedPorts(name)]).toEqual([name, []]);
  });

  it('gives every Node service the one SERVICE_SIGNING_KEYS, and checks zone and province health on the open GET /health', () => {
    const expected = parseSigningKeys(DEPLOYMENT_KEYS);
    for (const name of APP_SERVICES) expect([name, parseSigningKeys(environmentOf(name).SERVICE_SIGNING_KEYS)]).toEqual([name, expected]);
    for (const name of DATABASE_OWNERS) {
      const test = JSON.stringify(service(name).healthcheck?.test ?? '');
      // A GraphQL POST there would be refused (unsigned): the healthcheck must not need a signature.
      expect([name, test.includes("'/health'"), test.includes('POST')]).toEqual([name, true, false]);
    }
  });

  it('starts the gateway after the province and every zone service are healthy', () => {
    expect(dependenciesOf('gateway')).toEqual(Object.fromEntries(DATABASE_OWNERS.map((name) => [name, 'service_healthy'])));
    for (const name of DATABASE_OWNERS) expect([name, service(name).healthcheck?.test]).toEqual([name, expect.anything()]);
  });
});

describe('docker-compose.yml: ZONE_SERVICES', () => {
  it('is valid JSON accepted by the registry, and the same for the gateway and the province', () => {
    const gateway = environmentOf('gateway').ZONE_SERVICES;
    const province = environmentOf('province').ZONE_SERVICES;
    expect(() => JSON.parse(gateway)).not.toThrow();
    expect(JSON.parse(province)).toEqual(JSON.parse(gateway));
    expect(StaticZoneServiceRegistry.fromEnv({ ZONE_SERVICES: gateway }).services()).toHaveLength(ZONE_SERVICE_NAMES.length);
  });

  it('lists every zone service with its zones, at its compose service and port', () => {
    const entries = StaticZoneServiceRegistry.fromEnv({ ZONE_SERVICES: environmentOf('gateway').ZONE_SERVICES }).services();
    expect(entries.map((entry) => entry.name).sort()).toEqual([...ZONE_SERVICE_NAMES].sort());
    for (const entry of entries) {
      const expected = ZONE_SERVICES[entry.name as keyof typeof ZONE_SERVICES];
      expect([entry.name, [...entry.zoneIds].sort()]).toEqual([entry.name, [...expected.zoneIds].sort()]);
      const url = new URL(entry.url);
      expect([entry.name, url.hostname, url.port]).toEqual([entry.name, expected.service, String(expected.port)]);
      expect([entry.name, environmentOf(expected.service).PORT]).toEqual([entry.name, String(expected.port)]);
      expect([entry.name, commandOf(expected.service)[1]]).toEqual([entry.name, `subgraphs/${entry.name}/dist/main.js`]);
    }
  });

  it('has a seed file subgraphs/<service>/seed/<zoneId>.json for every zone id, and lists every seeded zone', () => {
    const entries = StaticZoneServiceRegistry.fromEnv({ ZONE_SERVICES: environmentOf('province').ZONE_SERVICES }).services();
    for (const entry of entries) {
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
});

describe('docker-compose.yml: environment variables the services read', () => {
  it('gives each zone service only variables its configuration reads, with valid values', () => {
    const known = Object.keys(zoneServiceEnvSchema.shape);
    for (const name of ZONE_SERVICE_NAMES) {
      const composeName = ZONE_SERVICES[name].service;
      const env = environmentOf(composeName);
      expect([composeName, Object.keys(env).filter((key) => !known.includes(key))]).toEqual([composeName, []]);
      const parsed = zoneServiceEnvSchema.parse(env);
      expect([composeName, parsed.PORT, parsed.HOST, parsed.DATABASE_URL]).toEqual([composeName, ZONE_SERVICES[name].port, '0.0.0.0', expect.any(String)]);
      expect([composeName, parsed.SERVICE_SIGNING_KEYS.map((key) => key.id)]).toEqual([composeName, ['k2026', 'k2025']]);
    }
  });

  it('gives the province only variables it reads, with valid values', () => {
    const env = environmentOf('province');
    const known = [...Object.keys(provinceEnvSchema.shape), 'ZONE_SERVICES'];
    expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
    const parsed = provinceEnvSchema.parse(env);
    expect(parsed.PORT).toBe(4001);
    expect(parsed.HOST).toBe('0.0.0.0');
    expect(parsed.DATABASE_URL).toEqual(expect.any(String));
    expect(parsed.SERVICE_SIGNING_KEYS.map((key) => key.id)).toEqual(['k2026', 'k2025']);
    const gatewayUrl = new URL(parsed.GATEWAY_URL);
    expect([gatewayUrl.hostname, gatewayUrl.port, gatewayUrl.pathname]).toEqual(['gateway', environmentOf('gateway').PORT, '/graphql']);
  });

  it('gives the gateway only variables gateway/src/config.ts reads, and loadGatewayConfig accepts them', () => {
    const env = environmentOf('gateway');
    expect(Object.keys(env).filter((key) => !GATEWAY_VARIABLES.includes(key))).toEqual([]);
    const config = loadGatewayConfig(env);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.timeoutMs).toBe(5000);
    const provinceUrl = new URL(config.provinceUrl);
    expect([provinceUrl.hostname, provinceUrl.port]).toEqual(['province', environmentOf('province').PORT]);
    if (config.mode !== 'static') throw new Error('the compose gateway runs with a static ZONE_SERVICES list');
    expect(config.registry.services().flatMap((entry) => entry.zoneIds)).toHaveLength(
      ZONE_SERVICE_NAMES.reduce((count, name) => count + ZONE_SERVICES[name].zoneIds.length, 0),
    );
  });
});

/** The database service an app service's DATABASE_URL points at (checked above to be its own). */
function databaseOf(owner: string): string {
  return new URL(environmentOf(owner).DATABASE_URL).hostname;
}
