import { z } from 'zod';
import { ROLES, type Principal } from './principal';

const principalSchema = z.strictObject({
  subject: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES as [string, ...string[]])).min(1),
  provinces: z.union([z.literal('ALL'), z.array(z.string().min(1).max(64))]),
  zoneIds: z.array(z.string().min(1).max(80)),
});

/** The principal as the `x-devzone-principal` header value (base64url JSON). */
export function encodePrincipal(principal: Principal): string {
  return Buffer.from(JSON.stringify(principal), 'utf8').toString('base64url');
}

/** The principal of a header value; null when absent or malformed (a malformed header is never trusted). */
export function decodePrincipal(value: string | undefined | null): Principal | null {
  if (!value) return null;
  try {
    const parsed = principalSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? (parsed.data as Principal) : null;
  } catch {
    return null;
  }
}
