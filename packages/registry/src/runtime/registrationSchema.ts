import { z } from 'zod';
import { fieldPath } from '@devzone/errors';
import { isZoneId } from '../globalId';
import type { RegistryProblem, ServiceRegistration } from './types';

const SERVICE_NAME = /^[a-z][a-z0-9-]{1,62}$/;
/** The full official name: 宁国市, 肥西县, 江北区; never the bare 宁国. */
const CITY = /^\p{Script=Han}+[市县区]$/u;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const completeness = z.enum(['COMPLETE', 'NAMED_ONLY']);

export const serviceNameSchema = z.string().regex(SERVICE_NAME, 'must be 2-63 lowercase letters, digits and dashes, starting with a letter');

export const zoneClaimSchema = z.strictObject({
  id: z.string().refine(isZoneId, 'must be a zone id (lowercase letters, digits, dashes)'),
  nameZh: text(200),
  nameEn: text(200),
  provinceCode: z.string().regex(/^[a-z]+$/, 'must be a province code in lowercase letters (anhui)'),
  city: z.string().regex(CITY, 'must be the full official name ending with 市, 县 or 区 (宁国市, 肥西县)').optional(),
  level: z.enum(['national', 'provincial', 'unknown']).default('unknown'),
  recordCompleteness: z
    .strictObject({
      enterprises: completeness.optional(),
      partyOrganizations: completeness.optional(),
      honors: completeness.optional(),
      alliances: completeness.optional(),
      serviceStations: completeness.optional(),
    })
    .optional(),
});

export const registrationSchema = z.strictObject({
  name: serviceNameSchema,
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
  contact: z.strictObject({
    name: text(200),
    email: z.email('must be an email address').optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{2,39}$/, 'must be a phone number (digits, spaces, dashes, parentheses, a leading +)')
      .optional(),
  }),
  zones: z
    .array(zoneClaimSchema)
    .min(1, 'must claim at least one zone')
    .superRefine((zones, ctx) => {
      const seen = new Set<string>();
      zones.forEach((zone, i) => {
        if (seen.has(zone.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `zone "${zone.id}" is listed twice` });
        seen.add(zone.id);
      });
    }),
});

export type RegistrationCheck =
  { readonly ok: true; readonly registration: ServiceRegistration } | { readonly ok: false; readonly problems: RegistryProblem[] };

/** Checks a registration payload; every problem names its field (`zones[1].city`), unknown keys included. */
export function checkRegistration(payload: unknown): RegistrationCheck {
  const result = registrationSchema.safeParse(payload);
  if (result.success) return { ok: true, registration: result.data };
  return { ok: false, problems: result.error.issues.flatMap(problemsOfIssue) };
}

function problemsOfIssue(issue: z.core.$ZodIssue): RegistryProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ check: 'payload', path: fieldPath([...issue.path, key]), message: `unknown field "${key}"` }));
  }
  return [{ check: 'payload', path: fieldPath(issue.path), message: issue.message }];
}
