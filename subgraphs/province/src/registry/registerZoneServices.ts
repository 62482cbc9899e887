import type { Principal } from '@devzone/auth';
import type { ServiceRegistration, ZoneClaim, ZoneServiceEntry } from '@devzone/registry';
import type { DirectorySeed } from '../seed/directorySchema';
import type { ProvinceRegistry } from './provinceRegistry';

/** An administrator acting for a deployment's own tooling, named in the history (`stack`, `bootstrap:REGISTER_ZONE_SERVICES`). */
export const deploymentPrincipal = (subject: string): Principal => ({ subject, roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] });

/**
 * Registers a deployment's own zone services (npm start's, or REGISTER_ZONE_SERVICES's)
 * through the registry's checks like any zone system, with each zone's directory entry
 * from the directory seed: a new one is registered, one whose URL or zones changed is
 * updated, one registered as it is now is left alone. Throws on a refusal, naming every
 * problem: a deployment is not started on a registry that refused its own services.
 */
export async function registerZoneServices(
  registry: ProvinceRegistry,
  services: readonly ZoneServiceEntry[],
  directory: DirectorySeed,
  actor: Principal,
): Promise<{ version: number | null; summary: string }> {
  const status = await registry.status();
  const done: string[] = [];
  for (const service of services) {
    const registration: ServiceRegistration = {
      name: service.name,
      url: service.url,
      contact: { name: `${actor.subject} (the deployment's own zone services)` },
      zones: service.zoneIds.map((zoneId) => claimOf(zoneId, directory)),
    };
    const current = status.services.find((registered) => registered.name === service.name);
    if (current && current.url === service.url && sameZones(current.zones, registration.zones)) {
      done.push(`${service.name} unchanged`);
      continue;
    }
    const outcome = current ? await registry.update(registration, actor, {}) : await registry.register(registration, actor, {});
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
  if (!entry) throw new Error(`zone "${zoneId}" is not in the directory seed: register its service with its directory data (docs/zone-systems.md)`);
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
