import type { GraphQLResponseBody } from '@devzone/testkit';

/** Which part is down: one zone service (and the zones it hosts), or the province. */
export type Fault = ZoneFault | { readonly service: 'province' };

export interface ZoneFault {
  readonly service: string;
  readonly zoneIds: readonly string[];
}

/** A read the load sends, and what a correct answer to it looks like while `fault` is in effect. */
export interface Reading {
  readonly label: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** The one zone it reads, if it reads one. */
  readonly zoneId?: string;
  /** What is wrong with this answer; empty when it is right. */
  problems(body: GraphQLResponseBody, fault: Fault | null): string[];
}

interface EnterpriseItem {
  id: string;
  zone: { id: string } | null;
}
interface ZoneAnswer {
  id: string;
  enterprises: { totalCount?: number; items: EnterpriseItem[] } | null;
}

const ENTERPRISES = 'enterprises(first: 5) { totalCount items { id zone { id } } }';
export const PROVINCE_WIDE = `query ProvinceWide { zones { id ${ENTERPRISES} } }`;
export const ONE_ZONE = `query OneZone($id: ID!) { zone(id: $id) { id ${ENTERPRISES} } }`;
export const ONE_ENTERPRISE = 'query OneEnterprise($id: ID!) { enterprise(id: $id) { id nameZh zone { id } } }';

/**
 * What an error must never carry: addresses, the database driver's words, SQL,
 * paths, stacks. (The gateway's own summary of a failed fetch, "fetch failed
 * (ECONNREFUSED)", names no address and is allowed.)
 */
const LEAK =
  /\d{1,3}(\.\d{1,3}){3}|localhost|:\d{2,5}\b|\[address\]|connect ECONNREFUSED|Connection terminated|terminating connection|the database system|postgres|SQL|relation "|syntax error at|\/work\/|node_modules|\bat \S+ \(/i;

const errorsOf = (body: GraphQLResponseBody) => body.errors ?? [];

/** An error naming this zone (or, for the province, the province) as unavailable. */
function named(body: GraphQLResponseBody, fault: Fault | null, zoneId: string): boolean {
  if (!fault) return false;
  return errorsOf(body).some(
    (error) =>
      error.extensions?.code === 'ZONE_UNAVAILABLE' &&
      error.extensions.service === fault.service &&
      (fault.service === 'province' || error.extensions.zoneId === zoneId),
  );
}

const faultyZone = (fault: Fault | null, zoneId: string) => fault !== null && 'zoneIds' in fault && fault.zoneIds.includes(zoneId);

/** Every error is ZONE_UNAVAILABLE naming the faulty service (and one of its zones), without internal detail. */
export function errorProblems(body: GraphQLResponseBody, fault: Fault | null): string[] {
  return errorsOf(body).flatMap((error) => {
    const problems: string[] = [];
    const { code, service, zoneId } = error.extensions ?? {};
    if (code !== 'ZONE_UNAVAILABLE') problems.push(`error with code ${String(code)}: ${error.message}`);
    else if (!fault || service !== fault.service) problems.push(`names service ${String(service)}, not the faulty one: ${error.message}`);
    else if ('zoneIds' in fault && !fault.zoneIds.includes(String(zoneId)))
      problems.push(`names zone ${String(zoneId)}, not one of the faulty service: ${error.message}`);
    if (LEAK.test(error.message)) problems.push(`leaks internal detail: ${error.message}`);
    return problems;
  });
}

/** A zone's enterprises: its own only, or null only when the zone is the faulty one and named. */
function zoneProblems(zone: ZoneAnswer, body: GraphQLResponseBody, fault: Fault | null): string[] {
  if (zone.enterprises === null) {
    if (!faultyZone(fault, zone.id)) return [`zone ${zone.id} has no enterprises, yet its service is not the faulty one`];
    return named(body, fault, zone.id) ? [] : [`zone ${zone.id} has no enterprises and no error names it`];
  }
  return zone.enterprises.items.flatMap((item) =>
    item.id.startsWith(`${zone.id}:`) && item.zone?.id === zone.id ? [] : [`wrong entity: ${JSON.stringify(item)} under zone ${zone.id}`],
  );
}

/** The province's answer is missing: only right when the province is the faulty part and is named. */
function provinceMissing(body: GraphQLResponseBody, fault: Fault | null, what: string): string[] {
  if (fault?.service === 'province') return named(body, fault, '') ? [] : [`${what} is missing and no error names the province`];
  return [`${what} is missing`];
}

export function provinceWide(zoneIds: readonly string[]): Reading {
  const expected = [...zoneIds].sort().join(',');
  return {
    label: 'province-wide',
    query: PROVINCE_WIDE,
    variables: {},
    problems: (body, fault) => {
      const zones = (body.data as { zones?: ZoneAnswer[] | null } | null | undefined)?.zones;
      if (!zones) return provinceMissing(body, fault, 'zones');
      const listed = zones.map((zone) => zone.id);
      const problems = [...listed].sort().join(',') === expected ? [] : [`zones listed ${listed.join(',')}, expected ${expected}`];
      return [...problems, ...zones.flatMap((zone) => zoneProblems(zone, body, fault))];
    },
  };
}

/**
 * The directory's zones with a field only the province holds: a read the gateway always
 * sends to the province (its key-only lookups may be answered from the gateway's memory),
 * so it answers cleanly only once the province does.
 */
export function provinceDirectory(zoneIds: readonly string[]): Reading {
  const expected = [...zoneIds].sort().join(',');
  return {
    label: 'province directory',
    query: 'query ProvinceDirectory { zones { id nameZh } }',
    variables: {},
    problems: (body, fault) => {
      const zones = (body.data as { zones?: { id: string; nameZh: string | null }[] | null } | null | undefined)?.zones;
      if (!zones) return provinceMissing(body, fault, 'zones');
      const listed = zones
        .map((zone) => zone.id)
        .sort()
        .join(',');
      return listed === expected ? [] : [`zones listed ${listed}, expected ${expected}`];
    },
  };
}

export function oneZone(zoneId: string): Reading {
  return {
    label: 'one zone',
    zoneId,
    query: ONE_ZONE,
    variables: { id: zoneId },
    problems: (body, fault) => {
      const zone = (body.data as { zone?: ZoneAnswer | null } | null | undefined)?.zone;
      if (!zone) return provinceMissing(body, fault, `zone ${zoneId}`);
      if (zone.id !== zoneId) return [`asked zone ${zoneId}, got ${zone.id}`];
      return zoneProblems(zone, body, fault);
    },
  };
}

export function oneEnterprise(enterpriseId: string): Reading {
  const zoneId = enterpriseId.slice(0, enterpriseId.indexOf(':'));
  return {
    label: 'one enterprise',
    zoneId,
    query: ONE_ENTERPRISE,
    variables: { id: enterpriseId },
    problems: (body, fault) => {
      const enterprise = (body.data as { enterprise?: { id: string; nameZh: string | null; zone: { id: string } | null } | null } | null | undefined)
        ?.enterprise;
      if (!enterprise) {
        if (fault?.service === 'province' || faultyZone(fault, zoneId))
          return named(body, fault, zoneId) ? [] : [`enterprise ${enterpriseId} is missing and no error names the faulty part`];
        return [`enterprise ${enterpriseId} is missing`];
      }
      if (enterprise.id !== enterpriseId || enterprise.zone?.id !== zoneId) return [`wrong entity: asked ${enterpriseId}, got ${JSON.stringify(enterprise)}`];
      if (enterprise.nameZh === null && !(faultyZone(fault, zoneId) && named(body, fault, zoneId)))
        return [`enterprise ${enterpriseId} has no name and no error says why`];
      return [];
    },
  };
}
