import { z } from 'zod';
import { isZoneId } from './globalId';

export const zoneServiceEntrySchema = z.object({
  /** Stable service name, e.g. `anhui`. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be lowercase letters, digits and dashes'),
  /** The service's GraphQL endpoint. */
  url: z.url(),
  /** Zones the service hosts; one service may host several parks. */
  zoneIds: z.array(z.string().refine(isZoneId, 'must be a zone id (lowercase letters, digits, dashes)')).min(1),
});

export type ZoneServiceEntry = z.infer<typeof zoneServiceEntrySchema>;

export const zoneServiceListSchema = z.array(zoneServiceEntrySchema).superRefine((entries, ctx) => {
  const names = new Set<string>();
  const hostOf = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (names.has(entry.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate service name "${entry.name}"` });
    names.add(entry.name);
    entry.zoneIds.forEach((zoneId, j) => {
      const other = hostOf.get(zoneId);
      if (other) ctx.addIssue({ code: 'custom', path: [i, 'zoneIds', j], message: `zone "${zoneId}" is already hosted by service "${other}"` });
      hostOf.set(zoneId, entry.name);
    });
  });
});
