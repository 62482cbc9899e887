import { hasRole, isApiKeyId, type Principal } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import { validateArgumentNamed } from '@devzone/subgraph-kit';
import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { resolveApiKeyGrant } from '../../apiKeys/apiKeyGrant';
import { listStoredApiKeys, principalOfApiKey, revokeStoredApiKey, storeNewApiKey } from '../../apiKeys/apiKeyStore';
import type { ApiKeyRow } from '../../db/entities/apiKey';
import type { ProvinceContext } from '../context.type';
import { ApiKey, ApiKeyGrantView, CredentialRole, IssueApiKeyInput, IssuedApiKey } from '../types/apiKey.types';

function toApiKey(row: ApiKeyRow): ApiKey {
  return Object.assign(new ApiKey(), {
    keyId: row.keyId,
    label: row.label,
    roles: row.roles as CredentialRole[],
    provinces: row.provinces,
    zoneIds: row.zoneIds,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
  });
}

function administrator(ctx: ProvinceContext, action: string): Principal {
  const { principal } = ctx;
  if (!principal) throw ERRORS.UNAUTHENTICATED.err(`${action} needs an administrator's credential`);
  if (!hasRole(principal, 'ADMIN')) throw ERRORS.FORBIDDEN.err(`${action} is for administrators only`);
  return principal;
}

@Resolver()
export class ApiKeysResolver {
  @Mutation(() => IssuedApiKey, { description: 'Issues an API key (administrators only). The key is in the answer once; only its hash is stored.' })
  async issueApiKey(
    @Arg('input', () => IssueApiKeyInput, { validateFn: validateArgumentNamed('input') }) input: IssueApiKeyInput,
    @Ctx() ctx: ProvinceContext,
  ): Promise<IssuedApiKey> {
    const admin = administrator(ctx, 'issueApiKey');
    const { label, grant } = await resolveApiKeyGrant(ctx.dataSource, input);
    const { key, row } = await storeNewApiKey(ctx.dataSource, label, grant, admin.subject);
    return Object.assign(new IssuedApiKey(), { key, apiKey: toApiKey(row) });
  }

  @Mutation(() => ApiKey, {
    nullable: true,
    description:
      'Revokes an API key (administrators only); the gateway stops accepting it within its cache time (AUTH_API_KEY_CACHE_MS). NOT_FOUND for an unknown id.',
  })
  async revokeApiKey(@Arg('keyId', () => ID) keyId: string, @Ctx() ctx: ProvinceContext): Promise<ApiKey> {
    const admin = administrator(ctx, 'revokeApiKey');
    const row = isApiKeyId(keyId) ? await revokeStoredApiKey(ctx.dataSource, keyId, admin.subject) : null;
    if (!row) throw ERRORS.NOT_FOUND.err(`no API key "${keyId}"`, { id: keyId });
    return toApiKey(row);
  }

  @Query(() => [ApiKey], { description: 'API keys, without their secrets (administrators only).' })
  async apiKeys(@Arg('includeRevoked', () => Boolean, { defaultValue: false }) includeRevoked: boolean, @Ctx() ctx: ProvinceContext): Promise<ApiKey[]> {
    administrator(ctx, 'apiKeys');
    return (await listStoredApiKeys(ctx.dataSource, includeRevoked)).map(toApiKey);
  }

  /**
   * The gateway's lookup when a client presents an API key. Inaccessible through
   * the gateway; the province answers only signed requests, so only the gateway
   * (signing with no principal: the caller is not known yet) reaches it.
   */
  @Directive('@federation__inaccessible')
  @Query(() => ApiKeyGrantView, { nullable: true, description: 'For the gateway: what an API key grants; null when unknown or revoked.' })
  async apiKeyGrant(@Arg('key', () => String) key: string, @Ctx() ctx: ProvinceContext): Promise<ApiKeyGrantView | null> {
    if (ctx.principal) throw ERRORS.FORBIDDEN.err('apiKeyGrant is asked by the gateway only');
    const principal = await principalOfApiKey(ctx.dataSource, key);
    if (!principal) return null;
    return Object.assign(new ApiKeyGrantView(), {
      subject: principal.subject,
      roles: principal.roles as CredentialRole[],
      provinces: principal.provinces === 'ALL' ? null : principal.provinces,
      zoneIds: principal.zoneIds,
    });
  }
}
