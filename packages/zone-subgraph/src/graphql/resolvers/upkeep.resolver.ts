import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EnterpriseRow, HonorRow, IndicatorReportRow, PartyOrganizationRow } from '../../db/entities';
import { updateZoneRecords } from '../../upkeep/zoneRecordsUpdate';
import { authorizeUpkeep } from '../../upkeep/authorizeUpkeep';
import { importRecords } from '../../upkeep/import/importRecords';
import { ENTERPRISES, HONORS, INDICATOR_REPORTS, KINDS, PARTY_ORGANIZATIONS, type KindDefinition, type UpkeepKind as KindName } from '../../upkeep/kinds';
import type { PlannedRow } from '../../upkeep/plan';
import { refusedInput, zodProblems } from '../../upkeep/problems';
import { runBatch } from '../../upkeep/runBatch';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toHonor, toPartyOrganization, toZoneRecords } from '../mappers';
import { ImportContentScalar } from '../types/scalars';
import {
  EnterpriseInput,
  EnterpriseKeyInput,
  HonorInput,
  HonorKeyInput,
  ImportFormat,
  ImportReport,
  IndicatorReportInput,
  IndicatorReportKeyInput,
  PartyOrganizationInput,
  PartyOrganizationKeyInput,
  UpkeepKind,
  UpkeepOutcome,
  UpkeepResult,
  ZoneRecordsInput,
  ZoneRecordsUpdate,
} from '../types/upkeep.types';
import { reportedValue } from './indicatorValues';

const KIND_OF: Record<UpkeepKind, KindName> = {
  [UpkeepKind.ENTERPRISES]: 'enterprises',
  [UpkeepKind.PARTY_ORGANIZATIONS]: 'partyOrganizations',
  [UpkeepKind.HONORS]: 'honors',
  [UpkeepKind.INDICATOR_REPORTS]: 'indicatorReports',
};
const GRAPHQL_KIND: Record<KindName, UpkeepKind> = {
  enterprises: UpkeepKind.ENTERPRISES,
  partyOrganizations: UpkeepKind.PARTY_ORGANIZATIONS,
  honors: UpkeepKind.HONORS,
  indicatorReports: UpkeepKind.INDICATOR_REPORTS,
};

/** Record fields that the GraphQL input nests (`employees { value qualifier }`): errors name them as the client wrote them. */
const NESTED_FIELDS: Record<string, string> = {
  employees: 'employees.value',
  employeesQualifier: 'employees.qualifier',
  inventionPatents: 'patents.invention',
  utilityPatents: 'patents.utility',
  memberCount: 'memberCount.value',
  memberCountQualifier: 'memberCount.qualifier',
  citationTitle: 'citation.title',
  citationUrl: 'citation.url',
  citationDate: 'citation.date',
};
const underArgument = (argument: string) => (field: string) => `${argument}.${NESTED_FIELDS[field.replace(/[.[].*$/, '')] ?? field}`;

const enterpriseValues = ({ employees, patents, ...input }: EnterpriseInput) => ({
  ...input,
  employees: employees?.value,
  employeesQualifier: employees?.qualifier,
  inventionPatents: patents?.invention,
  utilityPatents: patents?.utility,
});
const organizationValues = ({ memberCount, ...input }: PartyOrganizationInput) => ({
  ...input,
  memberCount: memberCount?.value,
  memberCountQualifier: memberCount?.qualifier,
});
const reportValues = ({ citation, ...input }: IndicatorReportInput) => ({
  ...input,
  citationTitle: citation?.title,
  citationUrl: citation?.url,
  citationDate: citation?.date,
});

/**
 * Upkeep: a zone system (or an administrator) keeps its zone's records current.
 * Every field names the zone it changes in a top-level `zoneId`, by which the
 * gateway routes it to the zone's service. Each write is one transaction with
 * its audit rows; records are found by their natural keys, so sending the same
 * input again answers UNCHANGED and writes nothing.
 */
@Resolver()
export class UpkeepResolver {
  @Mutation(() => UpkeepResult, { description: 'Creates or updates an enterprise of the zone (keyed by credit code, else by name).' })
  upsertEnterprise(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('input', () => EnterpriseInput) input: EnterpriseInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, ENTERPRISES, 'upsert', enterpriseValues(input), 'input', 'upsertEnterprise');
  }

  @Mutation(() => UpkeepResult, {
    description: 'Deletes an enterprise (removing it from the organizations and alliances listing it); refused while it holds honors or hosts a station.',
  })
  deleteEnterprise(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('key', () => EnterpriseKeyInput) key: EnterpriseKeyInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, ENTERPRISES, 'delete', { ...key }, 'key', 'deleteEnterprise');
  }

  @Mutation(() => UpkeepResult, { description: 'Creates or updates a party organization of the zone (keyed by name).' })
  upsertPartyOrganization(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('input', () => PartyOrganizationInput) input: PartyOrganizationInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, PARTY_ORGANIZATIONS, 'upsert', organizationValues(input), 'input', 'upsertPartyOrganization');
  }

  @Mutation(() => UpkeepResult, { description: 'Deletes a party organization; refused while it has child organizations or holds honors.' })
  deletePartyOrganization(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('key', () => PartyOrganizationKeyInput) key: PartyOrganizationKeyInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, PARTY_ORGANIZATIONS, 'delete', { ...key }, 'key', 'deletePartyOrganization');
  }

  @Mutation(() => UpkeepResult, { description: 'Creates or updates an honor (keyed by holder, title and year).' })
  upsertHonor(@Arg('zoneId', () => ID) zoneId: string, @Arg('input', () => HonorInput) input: HonorInput, @Ctx() ctx: ZoneContext): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, HONORS, 'upsert', { ...input }, 'input', 'upsertHonor');
  }

  @Mutation(() => UpkeepResult, { description: 'Deletes an honor.' })
  deleteHonor(@Arg('zoneId', () => ID) zoneId: string, @Arg('key', () => HonorKeyInput) key: HonorKeyInput, @Ctx() ctx: ZoneContext): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, HONORS, 'delete', { ...key }, 'key', 'deleteHonor');
  }

  @Mutation(() => UpkeepResult, {
    description:
      'Reports a figure of the zone (keyed by indicator code, period and scope), with provenance ZONE_SYSTEM. Figures quoted from articles stay beside it, never overwritten.',
  })
  upsertIndicatorReport(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('input', () => IndicatorReportInput) input: IndicatorReportInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, INDICATOR_REPORTS, 'upsert', reportValues(input), 'input', 'upsertIndicatorReport');
  }

  @Mutation(() => UpkeepResult, { description: "Deletes a figure the zone system reported (never an article's)." })
  deleteIndicatorReport(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('key', () => IndicatorReportKeyInput) key: IndicatorReportKeyInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<UpkeepResult> {
    return runOne(ctx, zoneId, INDICATOR_REPORTS, 'delete', { ...key }, 'key', 'deleteIndicatorReport');
  }

  @Mutation(() => ZoneRecordsUpdate, {
    description:
      "States how complete the zone's records are (COMPLETE once the zone system keeps its full register of a kind) and the date they are as of; fields left out keep their value. Computed figures follow (docs/architecture.md).",
  })
  async updateZoneRecords(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('input', () => ZoneRecordsInput) input: ZoneRecordsInput,
    @Ctx() ctx: ZoneContext,
  ): Promise<ZoneRecordsUpdate> {
    const principal = authorizeUpkeep(ctx.principal, zoneId, ctx.hostedZoneIds, 'updateZoneRecords');
    const outcome = await updateZoneRecords(ctx.dataSource, zoneId, principal.subject, { ...input });
    if (!outcome.ok) throw refusedInput(outcome.problems, underArgument('input'));
    return Object.assign(new ZoneRecordsUpdate(), { outcome: outcome.outcome.toUpperCase() as UpkeepOutcome, records: toZoneRecords(outcome.row) });
  }

  @Mutation(() => ImportReport, {
    description:
      'Imports a CSV or JSON file of one kind of record into the zone: every row validated and planned, every problem listed by line (CSV) or index (JSON) and column. ' +
      'All or nothing: written only when no row has a problem and `dryRun` is false (the default is a dry run). Columns: docs/zone-data.md.',
  })
  async importZoneRecords(
    @Arg('zoneId', () => ID) zoneId: string,
    @Arg('kind', () => UpkeepKind) kind: UpkeepKind,
    @Arg('format', () => ImportFormat) format: ImportFormat,
    @Arg('content', () => ImportContentScalar) content: string,
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: ZoneContext,
  ): Promise<ImportReport> {
    const principal = authorizeUpkeep(ctx.principal, zoneId, ctx.hostedZoneIds, 'importZoneRecords');
    const definition: KindDefinition<unknown, unknown> = KINDS[KIND_OF[kind]] as KindDefinition<unknown, unknown>;
    const report = await importRecords(ctx.dataSource, definition, {
      zoneId,
      actor: principal.subject,
      format: format === ImportFormat.CSV ? 'csv' : 'json',
      content,
      dryRun,
    });
    return Object.assign(new ImportReport(), {
      ...report,
      kind,
      problems: [...report.problems],
      outcomes: report.outcomes.map((o) => ({ ...o, outcome: o.outcome.toUpperCase() as UpkeepOutcome })),
    });
  }
}

/** One upsert or delete: authorized, validated (errors under `argument`), planned and written with its audit. */
async function runOne<R, K>(
  ctx: ZoneContext,
  zoneId: string,
  definition: KindDefinition<R, K>,
  op: 'upsert' | 'delete',
  values: object,
  argument: 'input' | 'key',
  action: string,
): Promise<UpkeepResult> {
  const principal = authorizeUpkeep(ctx.principal, zoneId, ctx.hostedZoneIds, action);
  const rename = underArgument(argument);
  const parsed = op === 'upsert' ? definition.recordSchema.safeParse(values) : definition.keySchema.safeParse(values);
  if (!parsed.success) throw refusedInput(zodProblems(parsed.error), rename);
  const operation = op === 'upsert' ? { op, record: parsed.data as R } : { op, key: parsed.data as K };
  const result = await runBatch(ctx.dataSource, [{ at: 0, operation }], {
    zoneId,
    actor: principal.subject,
    importId: null,
    dryRun: false,
    planner: definition.planner,
    keyField: definition.keyField,
  });
  const problems = result.problems.flatMap((p) => p.problems);
  if (problems.length > 0) throw refusedInput(problems, rename);
  return resultOf(ctx, definition.kind, result.rows.get(0)!);
}

async function resultOf(ctx: ZoneContext, kind: KindName, row: PlannedRow): Promise<UpkeepResult> {
  const result: UpkeepResult = Object.assign(new UpkeepResult(), {
    outcome: row.outcome.toUpperCase() as UpkeepOutcome,
    kind: GRAPHQL_KIND[kind],
    naturalKey: row.naturalKey,
    recordId: row.recordId,
    enterprise: null,
    partyOrganization: null,
    honor: null,
    indicator: null,
  });
  // The record as stored now, read after the transaction (the request's loaders may hold what was there before).
  const id = row.outcome === 'deleted' ? null : (row.recordId ?? reportIdOf(row));
  if (id === null) return result;
  const manager = ctx.dataSource.manager;
  if (kind === 'enterprises') {
    const stored = await manager.findOneBy(EnterpriseRow, { id });
    result.enterprise = stored ? toEnterprise(stored) : null;
  } else if (kind === 'partyOrganizations') {
    const stored = await manager.findOneBy(PartyOrganizationRow, { id });
    result.partyOrganization = stored ? toPartyOrganization(stored) : null;
  } else if (kind === 'honors') {
    const stored = await manager.findOneBy(HonorRow, { id });
    result.honor = stored ? toHonor(stored) : null;
  } else {
    const stored = await manager.findOneBy(IndicatorReportRow, { id: Number(id) });
    result.indicator = stored ? reportedValue(stored) : null;
    result.recordId = stored ? String(stored.id) : null;
  }
  return result;
}

/** A report created by this mutation is numbered by the database while writing: its change's snapshot holds the number. */
function reportIdOf(row: PlannedRow): string | null {
  const after = row.changes.find((c) => c.entity === 'indicator_report')?.after as { id?: number | null } | null | undefined;
  return after?.id === null || after?.id === undefined ? null : String(after.id);
}
