import { readFileSync } from 'node:fs';
import { parseOrThrow } from '@devzone/errors';
import { seedOriginOf, type SeedOrigin } from './seedOrigin';
import { zoneSeedSchema, type ZoneSeed } from './seedSchema';

/** A seed file as read: its validated content and where it came from (for seed drift). */
export type LoadedZoneSeed = ZoneSeed & { readonly origin: SeedOrigin };

/** Reads and validates one zone seed file; a bad file is refused naming the field. */
export function loadZoneSeedFile(path: string): LoadedZoneSeed {
  let raw: unknown;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`seed file ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const seed = parseOrThrow(zoneSeedSchema, raw, `seed file ${path}`);
  assertReferencesResolve(seed, path);
  return { ...seed, origin: seedOriginOf(path, bytes) };
}

/** Every local id a record points at must exist in the same file. */
export function assertReferencesResolve(seed: ZoneSeed, source: string): void {
  const enterprises = new Set(seed.enterprises.map((e) => e.localId));
  const organizations = new Set(seed.partyOrganizations.map((o) => o.localId));
  const problems: string[] = [];
  seed.partyOrganizations.forEach((o, i) => {
    if (o.parentLocalId && !organizations.has(o.parentLocalId)) problems.push(`partyOrganizations[${i}].parentLocalId: no organization "${o.parentLocalId}"`);
    o.enterpriseLocalIds.forEach((id, j) => {
      if (!enterprises.has(id)) problems.push(`partyOrganizations[${i}].enterpriseLocalIds[${j}]: no enterprise "${id}"`);
    });
  });
  seed.honors.forEach((h, i) => {
    if (h.holder.kind === 'enterprise' && !enterprises.has(h.holder.localId)) problems.push(`honors[${i}].holder.localId: no enterprise "${h.holder.localId}"`);
    if (h.holder.kind === 'partyOrganization' && !organizations.has(h.holder.localId))
      problems.push(`honors[${i}].holder.localId: no organization "${h.holder.localId}"`);
  });
  seed.alliances.forEach((a, i) => {
    a.memberOrganizationLocalIds.forEach((id, j) => {
      if (!organizations.has(id)) problems.push(`alliances[${i}].memberOrganizationLocalIds[${j}]: no organization "${id}"`);
    });
    a.memberEnterpriseLocalIds.forEach((id, j) => {
      if (!enterprises.has(id)) problems.push(`alliances[${i}].memberEnterpriseLocalIds[${j}]: no enterprise "${id}"`);
    });
  });
  seed.serviceStations.forEach((s, i) => {
    if (s.hostEnterpriseLocalId && !enterprises.has(s.hostEnterpriseLocalId))
      problems.push(`serviceStations[${i}].hostEnterpriseLocalId: no enterprise "${s.hostEnterpriseLocalId}"`);
  });
  if (problems.length > 0) throw new Error(`${source} has dangling references: ${problems.join('; ')}`);
}
