import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceDatabaseName } from '@devzone/stack';
import { createAdminToken, type AdminToken } from './adminToken';
import { freePort } from './freePort';
import { startServiceProcess, type ServiceProcess } from './serviceProcess';

export const ZONE_SERVICE_NAMES = ['yongkang', 'chengxi', 'jinjiang', 'anhui'] as const;
export type ZoneServiceName = (typeof ZONE_SERVICE_NAMES)[number];

export interface FrontProcess {
  /** A node script run in front of the zone service; it gets PORT, HOST and UPSTREAM_URL (the real service) and prints `… ready at <url>`. */
  readonly script: string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface ProcessStackOptions {
  /** Gateway variables on top of the stack's own: deadlines, breakers, limits, rate limit. */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
  /** Province variables on top of the stack's own. */
  readonly provinceEnv?: Readonly<Record<string, string>>;
  /** Zone services whose database lives on an embedded server of its own, so that a test can stop it alone. */
  readonly ownDatabaseServer?: readonly ZoneServiceName[];
  /** Processes the gateway and the province reach a zone service through (a fake or faulty zone). */
  readonly fronts?: Readonly<Partial<Record<ZoneServiceName, FrontProcess>>>;
  /**
   * `registry`: the runtime registry, as a deployment runs it (docker-compose, Kubernetes): the
   * province registers the four zone services at start (REGISTER_ZONE_SERVICES) and the gateway
   * serves what the registry accepted (REGISTRY_DATABASE_URL). `static` (the default): both read
   * the fixed list ZONE_SERVICES.
   */
  readonly zoneServiceList?: 'static' | 'registry';
}

export interface ProcessStack {
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly gatewayUrl: string;
  /** `Authorization` value of an administrator and national analyst (a JWT of AUTH_JWT_KEYS). */
  readonly credential: string;
  /** Signs tokens for other subjects with the gateway's key. */
  readonly token: AdminToken;
  readonly zoneServices: Readonly<Record<ZoneServiceName, ServiceProcess>>;
  /** Zone ids each zone service hosts, as its ready line lists them. */
  readonly zoneIdsOf: Readonly<Record<ZoneServiceName, readonly string[]>>;
  readonly province: ServiceProcess;
  readonly gateway: ServiceProcess;
  readonly fronts: Readonly<Partial<Record<ZoneServiceName, ServiceProcess>>>;
  /** Starts one more gateway process with the first one's environment (a replica, stopped with the stack). */
  startGatewayReplica(name: string): Promise<ServiceProcess>;
  /** The PostgreSQL servers of `ownDatabaseServer`, each a process a test may stop and restart (same port, same data). */
  readonly databaseServers: Readonly<Partial<Record<ZoneServiceName, ServiceProcess>>>;
  /** The last lines of every process, for failure messages. */
  output(): string;
  /** Stops every process and database server and removes their data. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The production-like deployment on one machine: one embedded PostgreSQL of its
 * own (plus one per `ownDatabaseServer`), the four zone services, the province and
 * the gateway, each a separate `node <SERVICE_NODE_FLAGS> <package>/dist/main.js` with NODE_ENV=production,
 * on free ports, sharing a random SERVICE_SIGNING_KEYS. Anything started is
 * stopped again if a later part fails to start.
 */
export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  const dataRoot = mkdtempSync(join(tmpdir(), 'devzone-processes-'));
  const cleanup: (() => Promise<void>)[] = [async () => rmSync(dataRoot, { recursive: true, force: true })];
  const processes: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const step of [...cleanup].reverse()) await step().catch(() => undefined);
  };
  try {
    const track = (started: ServiceProcess) => {
      processes.push(started);
      cleanup.push(() => started.stop());
      return started;
    };
    const servers = await startDatabaseServers(dataRoot, options.ownDatabaseServer ?? [], track);
    const signingKeys = `stack:${randomBytes(32).toString('hex')}`;
    const common = { NODE_ENV: 'production', HOST, SERVICE_SIGNING_KEYS: signingKeys };

    const zoneServices = await startAll(
      ZONE_SERVICE_NAMES.map(async (name) => {
        const server = servers.of(name);
        const service = await startServiceProcess({
          name: `zone service ${name}`,
          script: `subgraphs/${name}/dist/main.js`,
          env: { ...common, PORT: String(await freePort()), DATABASE_URL: databaseUrl(server, serviceDatabaseName(name)) },
        });
        return [name, track(service)] as const;
      }),
    );
    const zoneIdsOf = Object.fromEntries(zoneServices.map(([name, service]) => [name, hostedZoneIds(service)])) as Record<ZoneServiceName, string[]>;

    const fronts: Partial<Record<ZoneServiceName, ServiceProcess>> = {};
    for (const [name, service] of zoneServices) {
      const front = options.fronts?.[name];
      if (!front) continue;
      const started = await startServiceProcess({
        name: `front of ${name}`,
        script: front.script,
        env: { ...front.env, HOST, PORT: String(await freePort()), UPSTREAM_URL: service.url },
      });
      fronts[name] = track(started);
    }

    const zoneServicesVariable = JSON.stringify(
      zoneServices.map(([name, service]) => ({ name, url: fronts[name]?.url ?? service.url, zoneIds: zoneIdsOf[name] })),
    );
    const provinceDatabaseUrl = databaseUrl(servers.main, serviceDatabaseName('province'));
    const registry = options.zoneServiceList === 'registry';
    const province = track(
      await startServiceProcess({
        name: 'province',
        script: 'subgraphs/province/dist/main.js',
        env: {
          ...common,
          ...options.provinceEnv,
          PORT: String(await freePort()),
          DATABASE_URL: provinceDatabaseUrl,
          ...(registry ? { REGISTER_ZONE_SERVICES: zoneServicesVariable } : { ZONE_SERVICES: zoneServicesVariable }),
        },
      }),
    );

    const token = createAdminToken();
    const gatewayEnv = (name: string): Record<string, string> => ({
      ...common,
      ...options.gatewayEnv,
      PROVINCE_URL: province.url,
      AUTH_JWT_KEYS: token.jwtKeys,
      ...(registry
        ? { REGISTRY_DATABASE_URL: provinceDatabaseUrl, GATEWAY_STATE_FILE: join(dataRoot, `${name}-supergraph.json`), GATEWAY_REPLICA_ID: name }
        : { ZONE_SERVICES: zoneServicesVariable }),
    });
    const startGatewayProcess = async (name: string) =>
      track(await startServiceProcess({ name, script: 'gateway/dist/main.js', env: { ...gatewayEnv(name), PORT: String(await freePort()) } }));
    const gateway = await startGatewayProcess('gateway');

    return {
      gatewayUrl: gateway.url,
      credential: token.authorization,
      token,
      zoneServices: Object.fromEntries(zoneServices) as Record<ZoneServiceName, ServiceProcess>,
      zoneIdsOf,
      province,
      gateway,
      fronts,
      startGatewayReplica: startGatewayProcess,
      databaseServers: servers.own,
      output: () => processes.map((p) => `--- ${p.name} (pid ${p.pid}${p.isRunning() ? '' : ', not running'}) ---\n${p.output()}`).join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    const detail = processes.map((p) => `--- ${p.name} ---\n${p.output()}`).join('\n');
    await stopAll();
    throw new Error(`the process stack could not start: ${error instanceof Error ? error.message : String(error)}${detail ? `\n${detail}` : ''}`);
  }
}

interface DatabaseServers {
  readonly main: ServiceProcess;
  readonly own: Partial<Record<ZoneServiceName, ServiceProcess>>;
  of(service: ZoneServiceName): ServiceProcess;
}

const DATABASE_SERVER_SCRIPT = 'internal/testkit/dist/processes/databaseServerMain.js';

/**
 * The stack's own PostgreSQL server (every database but those of `ownServer`) and
 * one more per service of `ownServer`, each a process, started in parallel.
 */
async function startDatabaseServers(
  dataRoot: string,
  ownServer: readonly ZoneServiceName[],
  track: (started: ServiceProcess) => ServiceProcess,
): Promise<DatabaseServers> {
  const start = async (label: string, databases: readonly string[]) =>
    track(
      await startServiceProcess({
        name: `PostgreSQL ${label}`,
        script: DATABASE_SERVER_SCRIPT,
        env: { PG_DATA_DIR: join(dataRoot, `pg-${label}`), PG_PORT: String(await freePort()), PG_DATABASES: databases.join(',') },
      }),
    );
  const shared = ['province', ...ZONE_SERVICE_NAMES.filter((name) => !ownServer.includes(name))].map(serviceDatabaseName);
  const [main, ...owned] = await startAll([start('stack', shared), ...ownServer.map((name) => start(name, [serviceDatabaseName(name)]))]);
  const byService = new Map(ownServer.map((name, index) => [name, owned[index]!]));
  return { main: main!, own: Object.fromEntries(byService), of: (service) => byService.get(service) ?? main! };
}

/** `postgres://…@127.0.0.1:<port>/postgres` (the server's ready line) → the URL of one of its databases. */
function databaseUrl(server: ServiceProcess, database: string): string {
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Like Promise.all, but waits for every start to settle first, so that cleanup sees everything started. */
async function startAll<T>(starts: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/** `Zone service "anhui" (changfeng, chuzhou) ready at …` → its zone ids. */
function hostedZoneIds(service: ServiceProcess): string[] {
  const listed = /\(([^)]*)\) ready at /.exec(service.readyLine);
  if (!listed) throw new Error(`${service.name}: no zone ids in its ready line "${service.readyLine}"`);
  return listed[1]!.split(',').map((id) => id.trim());
}
