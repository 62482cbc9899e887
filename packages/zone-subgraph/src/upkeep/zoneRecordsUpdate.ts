import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ZoneRow } from '../db/entities';
import { COMPLETENESS_VALUES, RECORDS_AS_OF_PATTERN } from '../records/recordKinds';
import { writeChanges } from './changes';
import { zodProblems, type FieldProblem } from './problems';
import { labelledEnum } from './records/fields';
import { sameSnapshot, zoneSnapshot } from './snapshots';

const completeness = labelledEnum<(typeof COMPLETENESS_VALUES)[number]>({ complete: [], named_only: [] }).optional();

/** What a zone says about its records; absent fields keep their value. */
export const zoneRecordsSchema = z.object({
  enterprises: completeness,
  partyOrganizations: completeness,
  honors: completeness,
  alliances: completeness,
  serviceStations: completeness,
  asOf: z.string().regex(RECORDS_AS_OF_PATTERN, 'must be YYYY, YYYY-MM or YYYY-MM-DD').optional(),
});

export type ZoneRecordsUpdateResult = { ok: true; outcome: 'updated' | 'unchanged'; row: ZoneRow } | { ok: false; problems: FieldProblem[] };

/** Sets the zone's records completeness and date, audited as an update of the zone. */
export async function updateZoneRecords(dataSource: DataSource, zoneId: string, actor: string, values: object): Promise<ZoneRecordsUpdateResult> {
  const parsed = zoneRecordsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const input = parsed.data;
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('devzone zone upkeep'), hashtext($1))`, [zoneId]);
    const row = await manager.findOneByOrFail(ZoneRow, { id: zoneId });
    const before = zoneSnapshot(row);
    const after = {
      ...before,
      enterprisesCompleteness: input.enterprises ?? before.enterprisesCompleteness,
      partyOrganizationsCompleteness: input.partyOrganizations ?? before.partyOrganizationsCompleteness,
      honorsCompleteness: input.honors ?? before.honorsCompleteness,
      alliancesCompleteness: input.alliances ?? before.alliancesCompleteness,
      serviceStationsCompleteness: input.serviceStations ?? before.serviceStationsCompleteness,
      recordsAsOf: input.asOf ?? before.recordsAsOf,
    };
    if (sameSnapshot(before, after)) return { ok: true, outcome: 'unchanged', row };
    await writeChanges(manager, [{ entity: 'zone', action: 'update', naturalKey: `id=${zoneId}`, before, after }], { actor, zoneId, importId: null });
    return { ok: true, outcome: 'updated', row: await manager.findOneByOrFail(ZoneRow, { id: zoneId }) };
  });
}
