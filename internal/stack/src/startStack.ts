import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSigningKeys, type SigningKeys } from '@devzone/auth';
import { startGateway, type GatewayAuthOptions, type RunningGateway } from '@devzone/gateway';
import { issueDevCredential } from './devCredential';
import { deploymentPrincipal, loadDirectoryFile, registerZoneServices, startProvinceService, type RunningProvinceService } from '@devzone/province';
import { PgRegistryReader } from '@devzone/registry';
import { loadSeedDir, startZoneService, type RunningZoneService, type WritableZoneSeed, type ZoneServiceDefinition } from '@devzone/zone-subgraph';
import { ZONE_SERVICES } from './zoneServices';

export interface StackZoneService {
  definition: ZoneServiceDefinition;
  /** @default the seed files in definition.seedDir */
  seeds?: readonly WritableZoneSeed[];
  synthetic?: boolean;
}

export interface StackOptions {
  /** Returns the database URL for a service (`province` or a zone service name), creating it if needed. */
  databaseFor(service: string): Promise<string>;
  /** 0 picks free ports everywhere (tests). @default the usual ports: gateway 4000, province 4001, zones 4011+ */
  ports?: 'usual' | 'free';
  /** @default 4000 */
  gatewayPort?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Zone services to run. @default the four of subgraphs/ with their article seeds */
  zoneServices?: readonly StackZoneService[];
  /** @default subgraphs/province/seed/directory.json */
  directoryFile?: string;
  /** Per-service timeout the gateway allows a zone. @default 5000 */
  zoneTimeoutMs?: number;
  log?: (line: string) => void;
  /** How the gateway authenticates callers (JWT keys, API-key cache time); `devCredential` is set from `credential`. */
  auth?: Omit<GatewayAuthOptions, 'devCredential'>;
  /**
   * The credential the stack's callers use (an `Authorization` value), obtained once the province database is open.
   * @default a new administrator + national analyst API key for this run
   */
  credential?: (provinceDatabase: RunningProvinceService['database']['dataSource']) => Promise<string>;
  /** The keys every service signs and verifies with. @default a random key for this run, shared in-process */
  signingKeys?: SigningKeys;
  /** Where the gateway keeps the last supergraph it served (GATEWAY_STATE_FILE). @default a file in a new temporary folder */
  gatewayStateFile?: string;
}

export interface RunningStack {
  gatewayUrl: string;
  provinceUrl: string;
  zoneServices: RunningZoneService[];
  gateway: RunningGateway;
  province: RunningProvinceService;
  /** The `Authorization` value of an administrator and national analyst (npm start's dev credential; tests send it by default). */
  credential: string;
  /** The keys of this run: a request a test sends straight to a service must be signed with them. */
  signingKeys: SigningKeys;
  /** Stops one zone service (failure tests); the rest keep running. */
  stopZoneService(name: string): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_DIRECTORY = resolve(__dirname, '../../../subgraphs/province/seed/directory.json');

/** Starts every zone service, the province service and the gateway, in-process. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  const free = options.ports === 'free';
  const host = options.host ?? '127.0.0.1';
  const signingKeys = options.signingKeys ?? generateSigningKeys();
  const definitions: readonly StackZoneService[] = options.zoneServices ?? ZONE_SERVICES.map((definition) => ({ definition }));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const zoneServices: RunningZoneService[] = [];
    for (const { definition, seeds, synthetic } of definitions) {
      const service = await startZoneService({
        name: definition.name,
        databaseUrl: await options.databaseFor(definition.name),
        seeds: seeds ?? loadSeedDir(definition.seedDir),
        synthetic,
        port: free ? 0 : definition.defaultPort,
        host,
        signingKeys,
      });
      started.push(service);
      zoneServices.push(service);
      log(`zone service ${definition.name} (${service.hostedZoneIds.join(', ')}) at ${service.url}`);
    }
    const provinceDatabaseUrl = await options.databaseFor('province');
    const directory = loadDirectoryFile(options.directoryFile ?? DEFAULT_DIRECTORY);
    const province = await startProvinceService({
      databaseUrl: provinceDatabaseUrl,
      directory,
      port: free ? 0 : 4001,
      host,
      signingKeys,
    });
    started.push(province);
    log(`province service at ${province.url}`);
    const registered = await registerZoneServices(
      province.registry!,
      zoneServices.map((s) => ({ name: s.name, url: s.url, zoneIds: [...s.hostedZoneIds] })),
      directory,
      deploymentPrincipal('stack'),
    );
    log(`registry version ${registered.version}: ${registered.summary}`);
    const credential = await (options.credential ?? ((db) => issueDevCredential(db, 'stack credential')))(province.database.dataSource);
    const gateway = await startGateway({
      port: free ? 0 : (options.gatewayPort ?? 4000),
      host,
      provinceUrl: province.url,
      registrySource: {
        reader: new PgRegistryReader({ connectionString: provinceDatabaseUrl }),
        stateFile: options.gatewayStateFile ?? join(mkdtempSync(join(tmpdir(), 'devzone-gateway-')), 'gateway-supergraph.json'),
      },
      timeoutMs: options.zoneTimeoutMs,
      signingKeys,
      auth: { ...options.auth, devCredential: credential },
    });
    started.push(gateway);
    const stopped = new Set<string>();
    return {
      gatewayUrl: gateway.url,
      provinceUrl: province.url,
      zoneServices,
      gateway,
      province,
      credential,
      signingKeys,
      stopZoneService: async (name) => {
        const service = zoneServices.find((s) => s.name === name);
        if (!service) throw new Error(`no zone service "${name}"`);
        if (!stopped.has(name)) await service.stop();
        stopped.add(name);
      },
      stop: async () => {
        await gateway.stop();
        await province.stop();
        for (const service of zoneServices) if (!stopped.has(service.name)) await service.stop();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    throw error;
  }
}
