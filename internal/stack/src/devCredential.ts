import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hasRole, readAuthorizationHeader } from '@devzone/auth';
import { principalOfApiKey, storeNewApiKey, type ApiKeyGrant, type RunningProvinceService } from '@devzone/province';

type ProvinceDataSource = RunningProvinceService['database']['dataSource'];

/** What the local development credential grants: administrator and national analyst. */
export const DEV_CREDENTIAL_GRANT: ApiKeyGrant = { roles: ['ADMIN', 'ANALYST'], provinces: 'ALL', zoneIds: [] };

/** Issues a development API key in the province database; the `Authorization` header value. */
export async function issueDevCredential(dataSource: ProvinceDataSource, label: string): Promise<string> {
  const { key } = await storeNewApiKey(dataSource, label, DEV_CREDENTIAL_GRANT, 'stack');
  return `ApiKey ${key}`;
}

/**
 * The credential in `file` when it still works against this database (an
 * administrator's key, not revoked), else a new one written there: one line,
 * the `Authorization` header value, readable by its owner only.
 */
export async function reuseOrIssueDevCredential(dataSource: ProvinceDataSource, file: string): Promise<{ credential: string; reused: boolean }> {
  const stored = readLine(file);
  const presented = stored ? readAuthorizationHeader(stored) : undefined;
  if (presented && presented !== 'malformed' && presented.kind === 'apiKey') {
    const principal = await principalOfApiKey(dataSource, presented.key);
    if (principal && hasRole(principal, 'ADMIN')) return { credential: stored!, reused: true };
  }
  const credential = await issueDevCredential(dataSource, 'local development credential (npm start)');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${credential}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { credential, reused: false };
}

function readLine(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
