import type { RegisteredService, RegistryProblem } from '../types';

export interface ClaimedServices {
  readonly services: readonly RegisteredService[];
  readonly problems: readonly RegistryProblem[];
}

/**
 * The services after `registration` replaces (or joins) them: a zone is hosted by one service
 * only, so a zone another service hosts must be listed in `moveZones`, and moves from that
 * service may not leave it without a zone (deregister it instead). The shard map changes in one
 * state, so a moved zone answers throughout.
 */
export function claimZones(current: readonly RegisteredService[], registered: RegisteredService, moveZones: readonly string[]): ClaimedServices {
  const moving = new Set(moveZones);
  const problems: RegistryProblem[] = [];
  const hostOf = new Map(
    current.filter((service) => service.name !== registered.name).flatMap((service) => service.zones.map((zone) => [zone.id, service.name] as const)),
  );
  registered.zones.forEach((zone, i) => {
    const host = hostOf.get(zone.id);
    if (host && !moving.has(zone.id)) {
      problems.push({
        check: 'claims',
        path: `zones[${i}].id`,
        message: `zone "${zone.id}" is hosted by service "${host}": list it in moveZones to move it here`,
      });
    }
  });

  const services: RegisteredService[] = [];
  for (const service of current) {
    if (service.name === registered.name) continue;
    const staying = service.zones.filter((zone) => !moving.has(zone.id));
    if (staying.length === service.zones.length) {
      services.push(service);
    } else if (staying.length === 0) {
      problems.push({
        check: 'claims',
        path: 'moveZones',
        message: `moving ${service.zones.map((zone) => `"${zone.id}"`).join(', ')} would leave service "${service.name}" without a zone: deregister "${service.name}" instead`,
      });
    } else {
      services.push({ ...service, zones: staying, updatedAt: registered.updatedAt });
    }
  }
  const at = current.findIndex((service) => service.name === registered.name);
  services.splice(at === -1 ? services.length : at, 0, registered);
  return { services, problems };
}
