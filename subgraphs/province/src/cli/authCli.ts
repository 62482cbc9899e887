import { userInfo } from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, isApiKeyId, issueToken, newJwtKeyEntry, parseJwtKeys, ROLES, type Role } from '@devzone/auth';
import { openServiceDatabase } from '@devzone/database';
import { ValidationError } from '@devzone/errors';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { resolveApiKeyGrant } from '../apiKeys/apiKeyGrant';
import { listStoredApiKeys, revokeStoredApiKey, storeNewApiKey } from '../apiKeys/apiKeyStore';
import { provinceEntities } from '../db/entities';
import { provinceMigrations } from '../db/migrations';

export const AUTH_CLI_USAGE = `usage: pnpm auth <command> [options]

  issue  --label <text> --roles <ROLE,...> --provinces <ALL|code,...> [--zones <zoneId,...>]
         issues an API key and prints it once (store it: only its hash is kept)
  revoke <keyId>          revokes a key (the gateway stops accepting it within AUTH_API_KEY_CACHE_MS)
  list   [--all]          lists keys without secrets (--all: revoked ones too)
  token  --subject <id> --roles <ROLE,...> --provinces <ALL|code,...> [--zones <zoneId,...>] [--ttl <seconds>]
         prints a JWT signed with the first key of AUTH_JWT_KEYS
  jwt-key <kid>           prints a new AUTH_JWT_KEYS entry (<kid>:<base64url secret>)

Roles: ADMIN, ANALYST, ZONE_SYSTEM, BI_READER. Keys are read from and written to the province database:
PROVINCE_DATABASE_URL (or DATABASE_URL), by default npm start's embedded database on EMBEDDED_PG_PORT (54320).`;

export interface AuthCliIo {
  out(line: string): void;
  err(line: string): void;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** The province database the CLI works on. */
export function provinceDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const explicit = env.PROVINCE_DATABASE_URL?.trim() || env.DATABASE_URL?.trim();
  if (explicit) return explicit;
  return `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT?.trim() || '54320'}/devzone_province`;
}

const OPTIONS = {
  label: { type: 'string' },
  roles: { type: 'string' },
  provinces: { type: 'string' },
  zones: { type: 'string' },
  subject: { type: 'string' },
  ttl: { type: 'string' },
  all: { type: 'boolean' },
} as const;

/** `pnpm auth …`: returns the exit code. */
export async function runAuthCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: AuthCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${AUTH_CLI_USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { values } = parsed;
  try {
    switch (command) {
      case 'issue':
        return await withDatabase(env, async (dataSource) => {
          const { label, grant } = await resolveApiKeyGrant(
            dataSource,
            { label: values.label ?? '', roles: list(values.roles), provinces: list(values.provinces), zoneIds: list(values.zones) },
            '-',
          );
          const { key, row } = await storeNewApiKey(dataSource, label, grant, `cli:${userInfo().username}`);
          io.out(`Issued API key ${row.keyId} (${row.roles.join(', ')}; provinces: ${row.provinces?.join(', ') ?? 'ALL'}). It is shown only now:`);
          io.out(key);
          io.out(`Use it as the header   Authorization: ApiKey ${key}`);
          return 0;
        });
      case 'revoke': {
        const keyId = rest[0];
        if (!keyId) throw new UsageError('revoke needs a keyId');
        return await withDatabase(env, async (dataSource) => {
          const row = isApiKeyId(keyId) ? await revokeStoredApiKey(dataSource, keyId, `cli:${userInfo().username}`) : null;
          if (!row) {
            io.err(`no API key "${keyId}"`);
            return 1;
          }
          io.out(`Revoked API key ${row.keyId} (${row.label}) at ${row.revokedAt?.toISOString() ?? ''}`);
          return 0;
        });
      }
      case 'list':
        return await withDatabase(env, async (dataSource) => {
          const rows = await listStoredApiKeys(dataSource, values.all ?? false);
          if (rows.length === 0) io.out('no API keys');
          for (const row of rows) {
            const scope = `provinces: ${row.provinces?.join(',') ?? 'ALL'}${row.zoneIds.length > 0 ? `; zones: ${row.zoneIds.join(',')}` : ''}`;
            const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()} by ${row.revokedBy ?? '?'}` : 'active';
            io.out(`${row.keyId}  ${row.roles.join(',')}  ${scope}  "${row.label}"  created ${row.createdAt.toISOString()} by ${row.createdBy}  ${state}`);
          }
          return 0;
        });
      case 'token':
        io.out(await tokenFor(values, env));
        return 0;
      case 'jwt-key': {
        const kid = rest[0];
        if (!kid) throw new UsageError('jwt-key needs a kid (e.g. 2026-01)');
        io.out(newJwtKeyEntry(kid, randomBytes));
        return 0;
      }
      default:
        io.err(AUTH_CLI_USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${AUTH_CLI_USAGE}`);
      return 2;
    }
    if (error instanceof GraphQLError || error instanceof ValidationError) {
      io.err(error.message.replace(/^-\./, '--'));
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}

async function tokenFor(
  values: { subject?: string; roles?: string; provinces?: string; zones?: string; ttl?: string },
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const keysValue = env.AUTH_JWT_KEYS?.trim();
  if (!keysValue) throw new UsageError('token needs AUTH_JWT_KEYS (the gateway must list the same keys)');
  if (!values.subject) throw new UsageError('token needs --subject');
  const ttl = Number(values.ttl ?? '3600');
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 31 * 86_400) throw new UsageError('--ttl: whole seconds, 60 to 2678400 (31 days)');
  const roles = list(values.roles);
  const provinces = list(values.provinces);
  if (roles.length === 0 || roles.some((role) => !ROLES.includes(role as Role))) throw new UsageError(`--roles: one or more of ${ROLES.join(', ')}`);
  const [key] = parseJwtKeys(keysValue);
  return issueToken({
    key,
    issuer: env.AUTH_JWT_ISSUER?.trim() || DEFAULT_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE?.trim() || DEFAULT_JWT_AUDIENCE,
    subject: values.subject,
    grant: {
      roles: roles as Role[],
      provinces: provinces.length === 1 && provinces[0].toUpperCase() === 'ALL' ? 'ALL' : provinces,
      zoneIds: list(values.zones),
    },
    ttlSeconds: ttl,
  });
}

async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const database = await openServiceDatabase({ url: provinceDatabaseUrl(env), entities: provinceEntities, migrations: provinceMigrations, poolSize: 1 });
  try {
    return await work(database.dataSource);
  } finally {
    await database.close();
  }
}
