import type { RegistryProblem, ServiceRegistration } from '../types';
import type { ZoneServiceProbe } from './zoneServiceProbe';

export type ProbeResult = { readonly ok: true; readonly sdl: string } | { readonly ok: false; readonly problems: readonly RegistryProblem[] };

/** Reachability (the service answers with its subgraph SDL), then the probe (it resolves every zone it claims as that zone). */
export async function probeService(probe: ZoneServiceProbe, registration: ServiceRegistration): Promise<ProbeResult> {
  let sdl: string;
  try {
    sdl = await probe.fetchSdl(registration.url);
  } catch (error) {
    return { ok: false, problems: [{ check: 'reachability', path: 'url', message: `${registration.url}: ${messageOf(error)}` }] };
  }
  const zoneIds = registration.zones.map((zone) => zone.id);
  let resolved: ReadonlyMap<string, string | null>;
  try {
    resolved = await probe.resolveZones(registration.url, zoneIds);
  } catch (error) {
    return {
      ok: false,
      problems: zoneIds.map((zoneId, i) => ({
        check: 'probe',
        path: `zones[${i}].id`,
        message: `zone "${zoneId}" could not be resolved: ${messageOf(error)}`,
      })),
    };
  }
  const problems: RegistryProblem[] = [];
  zoneIds.forEach((zoneId, i) => {
    const reason = resolved.has(zoneId) ? resolved.get(zoneId) : 'the service gave no answer for it';
    if (reason !== null) problems.push({ check: 'probe', path: `zones[${i}].id`, message: `the service does not resolve zone "${zoneId}": ${reason}` });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sdl };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
