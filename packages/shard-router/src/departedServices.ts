import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';

/**
 * Calls `onDeparted` with the names of the zone services each change of `registry` took away or
 * registered again at another URL: what was learned of them at their old address (a breaker's
 * failures, a connection) says nothing of the new one. Returns the unsubscribe function.
 */
export function onDepartedServices(registry: ZoneServiceRegistry, onDeparted: (names: readonly string[]) => void): () => void {
  let urls = urlsByName(registry.services());
  return registry.onChange((services) => {
    const now = urlsByName(services);
    const departed = [...urls].filter(([name, url]) => now.get(name) !== url).map(([name]) => name);
    urls = now;
    if (departed.length > 0) onDeparted(departed);
  });
}

function urlsByName(services: readonly ZoneServiceEntry[]): Map<string, string> {
  return new Map(services.map((service) => [service.name, service.url]));
}
