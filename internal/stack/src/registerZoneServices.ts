import type { Principal } from '@devzone/auth';
import type { DirectorySeed, ProvinceRegistry } from '@devzone/province';
import type { ServiceRegistration, ZoneClaim } from '@devzone/registry';
import type { RunningZoneService } from '@devzone/zone-subgraph';

/** Who registers the stack's own zone services (history actor `stack`). */
export const STACK_PRINCIPAL: Principal = { subject: 'stack', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };

/**
 * Registers each zone service the stack started, through the registry's checks like any
 * zone system: a new one is registered, one whose URL or zones changed since the last
 * start is updated, one registered as it is now is left alone. Throws on a refusal,
 * naming every problem: the stack is not started on a registry that refused its own services.
 */
export async function registerZoneServices(
  registry: ProvinceRegistry,
  services: readonly RunningZoneService[],
  directory: DirectorySeed,
): Promise<{ version: number | null; summary: string }> {
  const status = await registry.status();
  const done: string[] = [];
  for (const service of services) {
    const registration: ServiceRegistration = {
      name: service.name,
      url: service.url,
      contact: { name: 'npm start (local development)' },
      zones: service.hostedZoneIds.map((zoneId) => claimOf(zoneId, directory)),
    };
    const current = status.services.find((registered) => registered.name === service.name);
    if (current && current.url === service.url && sameZones(current.zones, registration.zones)) {
      done.push(`${service.name} unchanged`);
      continue;
    }
    const outcome = current ? await registry.update(registration, STACK_PRINCIPAL, {}) : await registry.register(registration, STACK_PRINCIPAL, {});
    if (outcome.outcome === 'refused') {
      const problems = outcome.problems.map((problem) => `[${problem.check}]${problem.path ? ` ${problem.path}:` : ''} ${problem.message}`);
      throw new Error(`the registry refused zone service "${service.name}":\n  ${problems.join('\n  ')}`);
    }
    done.push(`${service.name} ${current ? 'updated' : 'registered'}`);
  }
  return { version: (await registry.status()).version, summary: done.join(', ') };
}

/** A hosted zone's claim, with its directory entry (the seeded directory knows every seeded zone). */
function claimOf(zoneId: string, directory: DirectorySeed): ZoneClaim {
  const entry = directory.zones.find((zone) => zone.id === zoneId);
  if (!entry) throw new Error(`zone "${zoneId}" is hosted by a zone service but not in the directory seed`);
  return {
    id: entry.id,
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    provinceCode: entry.provinceCode,
    ...(entry.city ? { city: entry.city } : {}),
    level: entry.level,
  };
}

/** The same zones with the same directory data, whatever the order. */
const sameZones = (a: readonly ZoneClaim[], b: readonly ZoneClaim[]): boolean => {
  const canonical = (zones: readonly ZoneClaim[]) =>
    JSON.stringify([...zones].sort((x, y) => x.id.localeCompare(y.id)).map((zone) => Object.entries(zone).sort()));
  return canonical(a) === canonical(b);
};
