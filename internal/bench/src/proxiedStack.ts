import { startGateway } from '@devzone/gateway';
import { loadDirectoryFile, startProvinceService, type RunningProvinceService } from '@devzone/province';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { generateSigningKeys, issueDevCredential, type SigningKeys, type StackZoneService } from '@devzone/stack';
import { startZoneService, type RunningZoneService } from '@devzone/zone-subgraph';
import { DelayProxy } from './delayProxy';

export interface ProxiedStackOptions {
  databaseFor(service: string): Promise<string>;
  zoneServices: readonly StackZoneService[];
  directoryFile: string;
  /** Delay of each service's proxy at start, in service order (0 when missing). */
  delaysMs: readonly number[];
}

export interface RunningProxiedStack {
  gatewayUrl: string;
  province: RunningProvinceService;
  zoneServices: RunningZoneService[];
  proxies: Map<string, DelayProxy>;
  signingKeys: SigningKeys;
  credential: string;
  stop(): Promise<void>;
}

/**
 * What `startStack` does (zone services, province, gateway on free loopback
 * ports), except that the registry lists a delay proxy per zone service
 * instead of the service itself. startStack builds its registry from the
 * services' own URLs and has no hook to put something in between.
 */
export async function startProxiedStack(options: ProxiedStackOptions): Promise<RunningProxiedStack> {
  const host = '127.0.0.1';
  const signingKeys = generateSigningKeys();
  const started: { stop(): Promise<void> }[] = [];
  try {
    const zoneServices: RunningZoneService[] = [];
    const proxies = new Map<string, DelayProxy>();
    for (const [i, { definition, seeds, synthetic }] of options.zoneServices.entries()) {
      const service = await startZoneService({
        name: definition.name,
        databaseUrl: await options.databaseFor(definition.name),
        seeds: seeds ?? [],
        synthetic,
        port: 0,
        host,
        signingKeys,
      });
      started.push(service);
      zoneServices.push(service);
      const proxy = await DelayProxy.start(service.url, options.delaysMs[i] ?? 0);
      started.push(proxy);
      proxies.set(service.name, proxy);
    }
    const registry = new StaticZoneServiceRegistry(zoneServices.map((s) => ({ name: s.name, url: proxies.get(s.name)!.url, zoneIds: [...s.hostedZoneIds] })));
    const province = await startProvinceService({
      databaseUrl: await options.databaseFor('province'),
      directory: loadDirectoryFile(options.directoryFile),
      registry,
      port: 0,
      host,
      signingKeys,
    });
    started.push(province);
    const credential = await issueDevCredential(province.database.dataSource, 'bench credential');
    const gateway = await startGateway({
      port: 0,
      host,
      provinceUrl: province.url,
      registry,
      signingKeys,
      auth: { devCredential: credential },
      rateLimit: false,
    });
    started.push(gateway);
    return {
      gatewayUrl: gateway.url,
      province,
      zoneServices,
      proxies,
      signingKeys,
      credential,
      stop: async () => {
        for (const part of started.reverse()) await part.stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    throw error;
  }
}
