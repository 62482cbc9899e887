import { apiKeyMatches, generateApiKey, parseApiKey, type Principal, type Role } from '@devzone/auth';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { ApiKeyRow } from '../db/entities/apiKey';
import type { ApiKeyGrant } from './apiKeyGrant';

export interface IssuedKey {
  /** The whole key: shown once, never stored. */
  readonly key: string;
  readonly row: ApiKeyRow;
}

/** Stores a new key for an already validated grant (see resolveApiKeyGrant). */
export async function storeNewApiKey(dataSource: DataSource, label: string, grant: ApiKeyGrant, createdBy: string): Promise<IssuedKey> {
  const { keyId, key, hash } = generateApiKey();
  const repository = dataSource.getRepository(ApiKeyRow);
  await repository.insert({
    keyId,
    keyHash: hash,
    label,
    roles: [...grant.roles],
    provinces: grant.provinces === 'ALL' ? null : [...grant.provinces],
    zoneIds: [...grant.zoneIds],
    createdBy,
  });
  return { key, row: await repository.findOneByOrFail({ keyId }) };
}

/** Revokes a key; the row as it now is, or null when no key has that id. Revoking twice keeps the first revocation. */
export async function revokeStoredApiKey(dataSource: DataSource, keyId: string, revokedBy: string): Promise<ApiKeyRow | null> {
  const repository = dataSource.getRepository(ApiKeyRow);
  await repository.update({ keyId, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokedBy });
  return repository.findOneBy({ keyId });
}

export async function listStoredApiKeys(dataSource: DataSource, includeRevoked: boolean): Promise<ApiKeyRow[]> {
  return dataSource.getRepository(ApiKeyRow).find({ where: includeRevoked ? {} : { revokedAt: IsNull() }, order: { createdAt: 'ASC', keyId: 'ASC' } });
}

export function principalOfKeyRow(row: ApiKeyRow): Principal {
  return { subject: `key:${row.keyId}`, roles: row.roles as Role[], provinces: row.provinces ?? 'ALL', zoneIds: row.zoneIds };
}

/** The principal a presented key grants; null when it is malformed, unknown, revoked or does not match its hash. */
export async function principalOfApiKey(dataSource: DataSource, key: string): Promise<Principal | null> {
  const parts = parseApiKey(key);
  if (!parts) return null;
  const row = await dataSource.getRepository(ApiKeyRow).findOneBy({ keyId: parts.keyId, revokedAt: IsNull() });
  if (!row || !apiKeyMatches(key, row.keyHash)) return null;
  return principalOfKeyRow(row);
}
