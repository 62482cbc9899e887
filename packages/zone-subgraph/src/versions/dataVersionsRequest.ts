import { fieldPath } from '@devzone/errors';
import { isZoneId } from '@devzone/registry';
import { z } from 'zod';

/** The most zones one request may ask about: a province-wide read of 400 zones fits with room. */
export const MAX_ZONES_PER_REQUEST = 1000;

const requestSchema = z.strictObject({
  zones: z
    .array(z.string({ error: 'must be a string' }).refine(isZoneId, 'must be a zone id (lower-case letters, digits and -, starting with a letter)'), {
      error: 'must be an array of zone ids',
    })
    .min(1, 'must name at least one zone')
    .max(MAX_ZONES_PER_REQUEST, `must name at most ${MAX_ZONES_PER_REQUEST} zones`),
});

export type DataVersionsRequest = { ok: true; zoneIds: readonly string[] } | { ok: false; field: string; message: string };

/** `{"zones": [...]}`, 1 to 1,000 zone ids; a bad body names its first bad field (`zones[3]`, `zones`, `body`). */
export function parseDataVersionsRequest(body: unknown): DataVersionsRequest {
  const parsed = requestSchema.safeParse(body);
  if (parsed.success) return { ok: true, zoneIds: [...new Set(parsed.data.zones)] };
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return { ok: false, field: issue.keys.join(', '), message: 'unknown field (the body holds only "zones")' };
  if (issue.path.length === 0) return { ok: false, field: 'body', message: 'must be a JSON object {"zones": [...]}' };
  return { ok: false, field: fieldPath(issue.path), message: issue.message };
}
