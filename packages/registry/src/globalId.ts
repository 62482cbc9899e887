/**
 * Every entity key is one `id` of the form `<zoneId>` (a Zone) or `<zoneId>:<localId>`
 * (anything a zone holds). The zone is what the gateway routes on.
 */
const ZONE_ID = /^[a-z][a-z0-9-]{1,62}$/;

export function isZoneId(value: string): boolean {
  return ZONE_ID.test(value);
}

export function zoneIdOf(globalId: string): string {
  const colon = globalId.indexOf(':');
  return colon === -1 ? globalId : globalId.slice(0, colon);
}

export function localIdOf(globalId: string): string {
  const colon = globalId.indexOf(':');
  return colon === -1 ? '' : globalId.slice(colon + 1);
}

export function globalId(zoneId: string, localId: string): string {
  return `${zoneId}:${localId}`;
}
