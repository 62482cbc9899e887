import { ROLES, type Principal, type Role } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { DirectoryZoneRow, ProvinceRow } from '../db/entities';
import { resolveProvinceInput } from '../directory/resolveProvinceInput';
import { checkDisplayText } from '../text/displayText';

/** What a key grants, before it is issued: the principal without its subject. */
export type ApiKeyGrant = Omit<Principal, 'subject'>;

export interface ApiKeyRequest {
  readonly label: string;
  readonly roles: readonly string[];
  /** Province codes or names; `["ALL"]` for every province. Administrators always have every province. */
  readonly provinces: readonly string[];
  /** A zone system's own zones. */
  readonly zoneIds?: readonly string[];
}

function refuse(field: string, message: string): never {
  throw ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });
}

/**
 * Validates a request against the directory: known roles, provinces that exist
 * (by code or name), zones that exist, a zone system with at least one zone.
 * Throws BAD_USER_INPUT naming `<prefix>.<field>`.
 */
export async function resolveApiKeyGrant(dataSource: DataSource, request: ApiKeyRequest, prefix = 'input'): Promise<{ label: string; grant: ApiKeyGrant }> {
  const label = checkDisplayText(request.label, `${prefix}.label`, 200);
  const unknownRole = request.roles.find((role) => !ROLES.includes(role as Role));
  if (request.roles.length === 0 || unknownRole !== undefined) refuse(`${prefix}.roles`, `one or more of ${ROLES.join(', ')}`);
  const roles = [...new Set(request.roles as Role[])];
  const provinces = await resolveProvinces(dataSource, roles, request.provinces, `${prefix}.provinces`);
  const zoneIds = [...new Set(request.zoneIds ?? [])];
  if (zoneIds.length > 0) {
    const known = await dataSource.getRepository(DirectoryZoneRow).find({ select: { id: true }, where: { id: In(zoneIds) } });
    const missing = zoneIds.filter((id) => !known.some((row) => row.id === id));
    if (missing.length > 0) refuse(`${prefix}.zoneIds`, `unknown zone(s) ${missing.map((id) => `"${id}"`).join(', ')}`);
  }
  if (roles.includes('ZONE_SYSTEM') && zoneIds.length === 0) refuse(`${prefix}.zoneIds`, 'a ZONE_SYSTEM key names its own zones');
  if (!roles.includes('ZONE_SYSTEM') && zoneIds.length > 0) refuse(`${prefix}.zoneIds`, 'only a ZONE_SYSTEM key has zones of its own');
  return { label, grant: { roles, provinces, zoneIds } };
}

async function resolveProvinces(dataSource: DataSource, roles: readonly Role[], inputs: readonly string[], field: string): Promise<ApiKeyGrant['provinces']> {
  if (roles.includes('ADMIN') || (inputs.length === 1 && inputs[0].trim().toUpperCase() === 'ALL')) return 'ALL';
  if (inputs.some((input) => input.trim().toUpperCase() === 'ALL')) refuse(field, '"ALL" stands alone');
  const directory = await dataSource.getRepository(ProvinceRow).find();
  return [...new Set(inputs.map((input) => resolveProvinceInput(input, directory, field)))];
}
