import { join } from 'node:path';
import { formatSigningKeys, generateSigningKeys, type SigningKeys } from '@devzone/auth';
import { createAdminToken, freePort, startServiceProcess, type ServiceProcess } from '@devzone/testkit/dist/processes';
import { generateZones } from '@devzone/synthetic';
import { writeSyntheticDirectoryFile } from '../syntheticDirectory';

const HOST = '127.0.0.1';
const DATABASE_SERVER_SCRIPT = 'internal/testkit/dist/processes/databaseServerMain.js';
const SYNTHETIC_ZONE_SCRIPT = 'internal/bench/dist/sideBySide/syntheticZoneMain.js';
const APOLLO_GATEWAY_SCRIPT = 'internal/bench/dist/sideBySide/apolloGatewayMain.js';
const HIVE_GATEWAY_SCRIPT = 'internal/bench/dist/sideBySide/hiveGatewayMain.js';
const FORWARDING_PROXY_SCRIPT = 'internal/bench/dist/sideBySide/forwardingProxyMain.js';

/** The article-seeded zone services of `npm start`, each its package's own `dist/main.js`. */
export const ARTICLE_ZONE_SERVICES = ['yongkang', 'chengxi', 'jinjiang', 'anhui'] as const;

/** Which zone services a system runs: the article seeds, or synthetic zones spread over services. */
export type ZoneServicesSpec =
  | { readonly kind: 'articles' }
  | { readonly kind: 'synthetic'; readonly zones: number; readonly enterprisesPerZone: number; readonly services: number; readonly directoryFile: string };

export interface RunningZoneServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly zoneIds: readonly string[];
}

/** One system as separate processes: zone services, province, our gateway (and whatever peers are started next to it). */
export interface ProcessSystem {
  readonly gatewayUrl: string;
  /** `Authorization` value for our gateway: an administrator and national analyst token of AUTH_JWT_KEYS. */
  readonly credential: string;
  readonly signingKeys: SigningKeys;
  readonly provinceUrl: string;
  readonly zoneServices: readonly RunningZoneServiceProcess[];
  /** Starts one more process next to the system, stopped with it. */
  startPeer(name: string, script: string, env: Readonly<Record<string, string>>): Promise<ServiceProcess>;
  /** Starts a second process of our gateway over the same services and credential, with `env` on top of the first one's. */
  startGatewayTwin(name: string, env: Readonly<Record<string, string>>): Promise<ServiceProcess>;
  /** Process ids, for the record. */
  pids(): string;
  /** Process ids of the system's own services, by role (peers and twins left out): whose CPU a suite reads. */
  readonly servicePids: { readonly gateway: number; readonly province: number; readonly zoneServices: readonly number[] };
  stop(): Promise<void>;
}

/** One PostgreSQL server as a process (the testkit's), holding every database of the run. */
export async function startDatabaseProcess(dataDir: string, databases: readonly string[]): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'PostgreSQL',
    script: DATABASE_SERVER_SCRIPT,
    env: { PG_DATA_DIR: join(dataDir, 'pg'), PG_PORT: String(await freePort()), PG_DATABASES: databases.join(',') },
    startTimeoutMs: 120_000,
  });
}

/** `postgres://…/postgres` (the server's ready line) → the URL of one of its databases. */
export function databaseUrlOf(server: ServiceProcess, database: string): string {
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Database names a system of this spec uses, prefixed so several systems share one server. */
export function databasesOf(prefix: string, spec: ZoneServicesSpec): string[] {
  return [databaseName(prefix, 'province'), ...zoneServiceNames(spec).map((name) => databaseName(prefix, name))];
}

function databaseName(prefix: string, service: string): string {
  return `${prefix}_${service.replace(/-/g, '_')}`;
}

/** Service names as the registry wants them (lowercase and dashes); synthetic ones as groupIntoServices names them. */
function zoneServiceNames(spec: ZoneServicesSpec): string[] {
  return spec.kind === 'articles' ? [...ARTICLE_ZONE_SERVICES] : Array.from({ length: Math.min(spec.services, spec.zones) }, (_, i) => `synthetic-${i + 1}`);
}

/** `Zone service "anhui" (changfeng, chuzhou) ready at …` → its zone ids. */
function hostedZoneIds(service: ServiceProcess): string[] {
  const listed = /\(([^)]*)\) ready at /.exec(service.readyLine);
  if (!listed) throw new Error(`${service.name}: no zone ids in its ready line "${service.readyLine}"`);
  return listed[1]!.split(',').map((id) => id.trim());
}

/**
 * Starts zone services, province and our gateway, each `node <dist>/main.js`
 * with NODE_ENV=production on free loopback ports, sharing fresh service keys.
 * Anything started is stopped again when a later part fails.
 */
export async function startProcessSystem(database: ServiceProcess, prefix: string, spec: ZoneServicesSpec): Promise<ProcessSystem> {
  const started: ServiceProcess[] = [];
  const stop = async () => {
    for (const process of [...started].reverse()) await process.stop().catch(() => undefined);
  };
  const track = (process: ServiceProcess) => {
    started.push(process);
    return process;
  };
  try {
    const signingKeys = generateSigningKeys();
    const common = { NODE_ENV: 'production', HOST, SERVICE_SIGNING_KEYS: formatSigningKeys(signingKeys), LOG_LEVEL: 'warn' };
    const names = zoneServiceNames(spec);
    const zoneProcesses = await Promise.all(
      names.map(async (name, index) => {
        const env = {
          ...common,
          PORT: String(await freePort()),
          DATABASE_URL: databaseUrlOf(database, databaseName(prefix, name)),
          ...nodeOptions('BENCH_SERVICE_NODE_OPTIONS'),
        };
        const service =
          spec.kind === 'articles'
            ? await startServiceProcess({ name: `zone service ${name}`, script: `subgraphs/${name}/dist/main.js`, env })
            : await startServiceProcess({
                name: `zone service ${name}`,
                script: SYNTHETIC_ZONE_SCRIPT,
                env: {
                  ...env,
                  BENCH_ZONES: String(spec.zones),
                  BENCH_ENTERPRISES_PER_ZONE: String(spec.enterprisesPerZone),
                  BENCH_SERVICES: String(spec.services),
                  BENCH_SERVICE_INDEX: String(index + 1),
                },
                startTimeoutMs: 600_000,
              });
        return track(service);
      }),
    );
    const zoneServices = zoneProcesses.map((service, i) => ({ name: names[i]!, url: service.url, zoneIds: hostedZoneIds(service) }));
    const zoneServicesVariable = JSON.stringify(zoneServices.map((s) => ({ name: s.name, url: s.url, zoneIds: s.zoneIds })));
    const province = track(
      await startServiceProcess({
        name: 'province',
        script: 'subgraphs/province/dist/main.js',
        env: {
          ...common,
          PORT: String(await freePort()),
          DATABASE_URL: databaseUrlOf(database, databaseName(prefix, 'province')),
          ZONE_SERVICES: zoneServicesVariable,
          ZONE_READ_CACHE: zoneReadCacheSetting(),
          ...(spec.kind === 'synthetic' ? { DIRECTORY_FILE: spec.directoryFile } : {}),
          ...nodeOptions('BENCH_SERVICE_NODE_OPTIONS'),
        },
      }),
    );
    const token = createAdminToken(24 * 3600);
    const gatewayEnv = {
      ...common,
      PROVINCE_URL: province.url,
      ZONE_SERVICES: zoneServicesVariable,
      AUTH_JWT_KEYS: token.jwtKeys,
      // One client sending load on purpose: the per-client rate limit would measure itself.
      GATEWAY_RATE_LIMIT_PER_SECOND: '0',
      // Every column of this gateway but "caches on" (a twin) reads the zones uncached, unless BENCH_ZONE_READ_CACHE=on: the comparisons stay fair.
      ZONE_READ_CACHE: zoneReadCacheSetting(),
      ...nodeOptions('BENCH_GATEWAY_NODE_OPTIONS'),
    };
    const gateway = track(
      await startServiceProcess({ name: 'gateway', script: 'gateway/dist/main.js', env: { ...gatewayEnv, PORT: String(await freePort()) } }),
    );
    return {
      gatewayUrl: gateway.url,
      credential: token.authorization,
      signingKeys,
      provinceUrl: province.url,
      zoneServices,
      startPeer: async (name, script, env) => track(await startServiceProcess({ name, script, env: { ...common, ...env } })),
      startGatewayTwin: async (name, env) =>
        track(await startServiceProcess({ name, script: 'gateway/dist/main.js', env: { ...gatewayEnv, PORT: String(await freePort()), ...env } })),
      pids: () => started.map((p) => `${p.name} ${p.pid}`).join(', '),
      servicePids: { gateway: gateway.pid, province: province.pid, zoneServices: zoneProcesses.map((p) => p.pid) },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** ZONE_READ_CACHE of the province and this gateway: off unless BENCH_ZONE_READ_CACHE=on (the province suite measures both). */
function zoneReadCacheSetting(): 'on' | 'off' {
  const setting = process.env.BENCH_ZONE_READ_CACHE?.trim() ?? 'off';
  if (setting !== 'on' && setting !== 'off') throw new Error(`BENCH_ZONE_READ_CACHE must be on or off (got "${setting}")`);
  return setting;
}

/**
 * BENCH_GATEWAY_NODE_OPTIONS (this gateway's processes) or BENCH_SERVICE_NODE_OPTIONS (the zone
 * services and the province), e.g. `--require ./profile.js`, a preload that starts the inspector's
 * profiler (`--cpu-prof` is not allowed there), given as NODE_OPTIONS: to profile them under the suite's load.
 */
function nodeOptions(variable: 'BENCH_GATEWAY_NODE_OPTIONS' | 'BENCH_SERVICE_NODE_OPTIONS'): Record<string, string> {
  const options = process.env[variable]?.trim();
  return options ? { NODE_OPTIONS: options } : {};
}

/**
 * A plain `@apollo/gateway` next to the system: the province and ONE zone
 * service (it cannot shard). It writes the supergraph it composed to
 * `supergraphFile`, which the Hive Gateway peers then serve.
 */
export async function startApolloPeer(system: ProcessSystem, zoneService: string, supergraphFile: string): Promise<ServiceProcess> {
  const zone = system.zoneServices.find((s) => s.name === zoneService);
  if (!zone) throw new Error(`no zone service ${zoneService}`);
  return system.startPeer('plain @apollo/gateway', APOLLO_GATEWAY_SCRIPT, {
    PORT: String(await freePort()),
    PROVINCE_URL: system.provinceUrl,
    ZONE_URL: zone.url,
    SUPERGRAPH_FILE: supergraphFile,
  });
}

/** The floor next to the system: a process that only forwards signed requests to one zone service (forwardingProxyMain). */
export async function startForwardingProxy(system: ProcessSystem, zoneService: string): Promise<ServiceProcess> {
  const zone = system.zoneServices.find((s) => s.name === zoneService);
  if (!zone) throw new Error(`no zone service ${zoneService}`);
  return system.startPeer('forwarding proxy', FORWARDING_PROXY_SCRIPT, { PORT: String(await freePort()), ZONE_URL: zone.url });
}

/** Hive Gateway next to the system over the plain gateway's supergraph, with in-flight dedup of subgraph fetches on or off. */
export async function startHivePeer(system: ProcessSystem, supergraphFile: string, dedup: boolean): Promise<ServiceProcess> {
  return system.startPeer(`Hive Gateway dedup ${dedup ? 'on' : 'off'}`, HIVE_GATEWAY_SCRIPT, {
    PORT: String(await freePort()),
    SUPERGRAPH_FILE: supergraphFile,
    HIVE_DEDUP: dedup ? 'on' : 'off',
  });
}

/**
 * One synthetic system per zone count (seed 1, `syn-*` ids, 4 zone services), each with its
 * directory file written into `dir` as `<label>-<zones>`: what the process suites start.
 */
export function syntheticSystemSpecs(
  dir: string,
  label: string,
  zoneCounts: readonly number[],
  enterprisesPerZone: number,
): (ZoneServicesSpec & { kind: 'synthetic' })[] {
  return zoneCounts.map((zones) => {
    const seeds = generateZones({ zones, enterprisesPerZone, seed: 1, prefix: 'syn' });
    return { kind: 'synthetic', zones, enterprisesPerZone, services: 4, directoryFile: writeSyntheticDirectoryFile(dir, `${label}-${zones}`, seeds) };
  });
}
