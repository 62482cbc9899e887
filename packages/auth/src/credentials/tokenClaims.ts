import { z } from 'zod';
import { ROLES, type Principal, type Role } from '../principal/principal';

/**
 * The claims a token carries besides the registered ones:
 * `roles` (non-empty, each one of ROLES), `provinces` (province codes or "ALL";
 * administrators always read every province), `zones` (a zone system's own zones).
 */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(160),
  roles: z.array(z.enum(ROLES as [Role, ...Role[]])).min(1),
  provinces: z.union([z.literal('ALL'), z.array(z.string().min(1).max(64)).max(100)]).optional(),
  zones: z.array(z.string().min(1).max(80)).max(1000).optional(),
});

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** The principal of verified claims; null when they do not describe one (unknown role, missing subject). */
export function principalFromClaims(payload: unknown, issuer: string): Principal | null {
  const parsed = tokenClaimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { sub, roles, provinces = [], zones = [] } = parsed.data;
  return {
    subject: `jwt:${issuer}/${sub}`,
    roles: [...new Set(roles)],
    provinces: roles.includes('ADMIN') ? 'ALL' : provinces,
    zoneIds: zones,
  };
}

/** The claims a token for this grant carries. */
export function claimsForGrant(grant: Omit<Principal, 'subject'>): Omit<TokenClaims, 'sub'> {
  return { roles: [...grant.roles], provinces: grant.provinces === 'ALL' ? 'ALL' : [...grant.provinces], zones: [...grant.zoneIds] };
}
