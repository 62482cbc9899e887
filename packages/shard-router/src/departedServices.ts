import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';

/**
 * A zone service as it was registered before a change took it away or moved it: its name, its old
 * URL, and whether it left the registry (`left`: no service of that name is registered any more)
 * or was registered again at another URL.
 */
export type DepartedService = Pick<ZoneServiceEntry, 'name' | 'url'> & { readonly left: boolean };

/**
 * Calls `onDeparted` with the zone services each change of `registry` took away or registered
 * again at another URL (each with the URL it had): what was learned of them at their old address
 * (a breaker's failures, a connection, the persisted queries it holds) says nothing of the new
 * one. Returns the unsubscribe function.
 */
export function onDepartedServices(registry: ZoneServiceRegistry, onDeparted: (departed: readonly DepartedService[]) => void): () => void {
  let urls = urlsByName(registry.services());
  return registry.onChange((services) => {
    const now = urlsByName(services);
    const departed = [...urls].filter(([name, url]) => now.get(name) !== url).map(([name, url]) => ({ name, url, left: !now.has(name) }));
    urls = now;
    if (departed.length > 0) onDeparted(departed);
  });
}

function urlsByName(services: readonly ZoneServiceEntry[]): Map<string, string> {
  return new Map(services.map((service) => [service.name, service.url]));
}
