import { ROLES, signRequest, type ApiKeyVerifier, type Principal, type Role, type SigningKeys } from '@devzone/auth';
import { z } from 'zod';
import { withDeadline } from '@devzone/shard-router';
import { limitedFetcher } from '../datasources/limitedFetcher';

const GRANT_QUERY = 'query GatewayVerifiesApiKey($key: String!) { apiKeyGrant(key: $key) { subject roles provinces zoneIds } }';

/** A grant is a few hundred bytes; a longer answer is not read. */
export const MAX_GRANT_ANSWER_BYTES = 64 * 1024;

const answerSchema = z.object({
  data: z
    .object({
      apiKeyGrant: z
        .object({
          subject: z.string().min(1),
          roles: z.array(z.enum(ROLES as [Role, ...Role[]])).min(1),
          provinces: z.array(z.string()).nullable(),
          zoneIds: z.array(z.string()),
        })
        .nullable(),
    })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

export interface ProvinceApiKeyVerifierOptions {
  /** The province subgraph's GraphQL endpoint. */
  readonly provinceUrl: string;
  /** The request is signed like every gateway → service request (no principal: the caller is not known yet). */
  readonly signingKeys?: SigningKeys;
  /** Deadline of the lookup, answer included (`createGatewayAuthenticator` passes the province deadline). @default 5000 */
  readonly timeoutMs?: number;
}

/**
 * Asks the province, which stores the keys' hashes, what a key grants: the
 * province field `apiKeyGrant` is inaccessible through the gateway and answers
 * signed requests only.
 */
export class ProvinceApiKeyVerifier implements ApiKeyVerifier {
  private readonly fetcher = limitedFetcher(MAX_GRANT_ANSWER_BYTES);

  constructor(private readonly options: ProvinceApiKeyVerifierOptions) {}

  async verify(key: string): Promise<Principal | null> {
    const body = JSON.stringify({ query: GRANT_QUERY, variables: { key } });
    const signature = this.options.signingKeys ? signRequest({ keys: this.options.signingKeys, body }) : {};
    const response = await withDeadline(this.options.timeoutMs ?? 5000, (signal) =>
      this.fetcher(this.options.provinceUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signature },
        body,
        signal,
      }),
    );
    const parsed = answerSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new Error(`the province answered the key lookup with HTTP ${response.status} and no usable answer`);
    const { data, errors } = parsed.data;
    if (errors?.length || !data) throw new Error(`the province refused the key lookup: ${(errors ?? []).map((e) => e.message).join('; ')}`);
    const grant = data.apiKeyGrant;
    if (!grant) return null;
    return { subject: grant.subject, roles: grant.roles, provinces: grant.provinces ?? 'ALL', zoneIds: grant.zoneIds };
  }
}
