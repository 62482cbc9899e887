import { parseJwtKeys } from '@devzone/auth';
import { blankAsUnset, envOptionalString, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';
import { DEFAULT_API_KEY_CACHE_MS, DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, type GatewayAuthOptions } from './gatewayAuth';

const jwtKeys = z.preprocess(
  blankAsUnset,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      try {
        return parseJwtKeys(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
);

const environmentSchema = z.object({
  AUTH_JWT_KEYS: jwtKeys,
  AUTH_JWKS_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  AUTH_JWT_ISSUER: z.preprocess(blankAsUnset, z.string().max(200).default(DEFAULT_JWT_ISSUER)),
  AUTH_JWT_AUDIENCE: z.preprocess(blankAsUnset, z.string().max(200).default(DEFAULT_JWT_AUDIENCE)),
  AUTH_API_KEY_CACHE_MS: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(300_000).default(DEFAULT_API_KEY_CACHE_MS)),
  /** The `Authorization` value GraphiQL uses from loopback (npm start sets it; a standalone gateway rarely should). */
  AUTH_DEV_CREDENTIAL: envOptionalString,
});

/** The AUTH_* variables of the gateway, validated with the rules every service applies. */
export function loadGatewayAuthOptions(env: NodeJS.ProcessEnv = process.env): GatewayAuthOptions {
  const parsed = parseEnvironment(environmentSchema, env);
  return {
    ...(parsed.AUTH_JWT_KEYS ? { jwtKeys: parsed.AUTH_JWT_KEYS } : {}),
    ...(parsed.AUTH_JWKS_URL ? { jwksUrl: parsed.AUTH_JWKS_URL } : {}),
    jwtIssuer: parsed.AUTH_JWT_ISSUER,
    jwtAudience: parsed.AUTH_JWT_AUDIENCE,
    apiKeyCacheMs: parsed.AUTH_API_KEY_CACHE_MS,
    ...(parsed.AUTH_DEV_CREDENTIAL ? { devCredential: parsed.AUTH_DEV_CREDENTIAL } : {}),
  };
}
