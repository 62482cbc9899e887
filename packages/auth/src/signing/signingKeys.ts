import { randomBytes } from 'node:crypto';
import { ValidationError } from '@devzone/errors';
import { z } from 'zod';

/** One key shared by the services of a deployment: the id travels in `x-devzone-key-id`, the secret never. */
export interface SigningKey {
  readonly id: string;
  readonly secret: string;
}

/** The first key signs; every key verifies (rotation: add the new key second, deploy, swap, deploy, remove the old one). */
export type SigningKeys = readonly [SigningKey, ...SigningKey[]];

/** The variable every service reads its keys from. */
export const SIGNING_KEYS_VARIABLE = 'SERVICE_SIGNING_KEYS';

export const MIN_SECRET_LENGTH = 32;

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The problems of a `keyId:secret,keyId:secret` value, each worded for the operator; empty when it is valid. */
function problemsOf(value: string): string[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const problems: string[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? entry : entry.slice(0, colon);
    const secret = colon < 0 ? '' : entry.slice(colon + 1);
    if (colon < 0) problems.push(`entry ${i + 1} is not keyId:secret`);
    else if (!KEY_ID.test(id)) problems.push(`entry ${i + 1}: key id "${id}" must be 1-64 letters, digits, '.', '_' or '-'`);
    else if (secret.length < MIN_SECRET_LENGTH) problems.push(`key "${id}": the secret must be at least ${MIN_SECRET_LENGTH} characters`);
    else if (seen.has(id)) problems.push(`key "${id}" is listed twice`);
    seen.add(id);
  });
  return problems;
}

function toKeys(value: string): SigningKeys {
  const keys = value.split(',').map((entry) => {
    const trimmed = entry.trim();
    const colon = trimmed.indexOf(':');
    return { id: trimmed.slice(0, colon), secret: trimmed.slice(colon + 1) };
  });
  return keys as unknown as SigningKeys;
}

const REQUIRED = `required: comma-separated keyId:secret (secret at least ${MIN_SECRET_LENGTH} characters), shared by the gateway and every service`;

/**
 * `SERVICE_SIGNING_KEYS` in a service's environment schema: required, parsed
 * into SigningKeys, every problem reported on the variable.
 */
export const envSigningKeys = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string({ error: REQUIRED }).transform((value, ctx): SigningKeys => {
    for (const message of problemsOf(value)) ctx.addIssue({ code: 'custom', message });
    return toKeys(value);
  }),
);

/** Parses `keyId:secret,keyId:secret`; a ValidationError names the variable and every problem. */
export function parseSigningKeys(value: string | undefined, variable: string = SIGNING_KEYS_VARIABLE): SigningKeys {
  if (value === undefined || value.trim() === '') throw new ValidationError('environment', [{ field: variable, message: REQUIRED }]);
  const problems = problemsOf(value);
  if (problems.length > 0)
    throw new ValidationError(
      'environment',
      problems.map((message) => ({ field: variable, message })),
    );
  return toKeys(value);
}

/** The keys as the value of `SERVICE_SIGNING_KEYS`. */
export function formatSigningKeys(keys: SigningKeys): string {
  return keys.map((key) => `${key.id}:${key.secret}`).join(',');
}

/** A fresh random key, for a deployment started in one process (`npm start`, the test stack). */
export function generateSigningKeys(id = `run-${randomBytes(4).toString('hex')}`): SigningKeys {
  return [{ id, secret: randomBytes(32).toString('base64url') }];
}
