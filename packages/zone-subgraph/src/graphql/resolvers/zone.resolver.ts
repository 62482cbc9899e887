import { indicatorByCode } from '@devzone/catalogue';
import { ERRORS } from '@devzone/errors';
import type { FigureSheet } from '@devzone/subgraph-kit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { mayKeepZone } from '../../upkeep/authorizeUpkeep';
import { toAlliance, toHonor, toPartyOrganization, toServiceStation, toUpkeepAuditEntry, toZoneRecords } from '../mappers';
import { Alliance } from '../types/alliance.type';
import { EnterprisePage, PartyOrganizationPage } from '../types/connections.type';
import { FigureSheetScalar } from '../types/figureSheet.type';
import { Honor } from '../types/honor.type';
import { IndicatorValue } from '../types/indicatorValue.type';
import { EnterprisesArgs, FigureSheetArgs, IndicatorsArgs, PartyOrganizationsArgs, UnassessedIndicatorsArgs, UpkeepAuditArgs } from '../types/inputs';
import { PartyOrganization } from '../types/partyOrganization.type';
import { ServiceStation } from '../types/serviceStation.type';
import { UnassessedIndicator } from '../types/unassessedIndicator.type';
import { UpkeepAuditEntry } from '../types/upkeep.types';
import { Zone } from '../types/zone.type';
import { ZoneRecords } from '../types/zoneRecords.type';
import { figureSheetOf } from './figureSheet';
import { computedValue, reportedValue } from './indicatorValues';
import { enterprisePage, partyOrganizationPage } from './zonePages';

// One collator for every sort: `localeCompare` builds one per call.
const collator = new Intl.Collator();
const byCodeKindPeriod = (a: IndicatorValue, b: IndicatorValue) =>
  collator.compare(a.code, b.code) || collator.compare(a.provenance.kind, b.provenance.kind) || collator.compare(a.period, b.period);

function assertKnownCodes(codes: readonly string[] | undefined): void {
  codes?.forEach((code, i) => {
    if (!indicatorByCode(code)) throw ERRORS.BAD_USER_INPUT.err(`codes[${i}]: unknown indicator code "${code}"`, { field: `codes[${i}]` });
  });
}

/**
 * A zone's figures for the codes (all when omitted) in the order every reader gets them (code,
 * kind, period), and the computable ones it could not assess (by code). One load per zone and
 * codes: `indicators`, `unassessedIndicators` and `figureSheet` with the same codes share one
 * read, at one data version.
 */
async function figuresOfZone(
  zoneId: string,
  codes: readonly string[] | undefined,
  ctx: ZoneContext,
): Promise<{ values: IndicatorValue[]; unassessed: UnassessedIndicator[] }> {
  assertKnownCodes(codes);
  const { reports, assessment } = await ctx.loaders.indicatorFiguresByZone.load({ zoneId, codes: codes ?? null });
  const values = [...reports.map(reportedValue), ...assessment.figures.map(computedValue)].sort(byCodeKindPeriod);
  const wanted = codes ? new Set(codes) : null;
  const unassessed = assessment.unassessed
    .filter((u) => (wanted ? wanted.has(u.code) : true))
    .map((u) => Object.assign(new UnassessedIndicator(), { code: u.code, reason: u.reason }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { values, unassessed };
}

@Resolver(() => Zone)
export class ZoneResolver {
  @FieldResolver(() => EnterprisePage, {
    nullable: true,
    description: 'Enterprises of the zone, filtered, ordered and paged (by `offset`, or after a cursor).',
  })
  async enterprises(@Root() zone: Zone, @Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: ZoneContext): Promise<EnterprisePage> {
    return enterprisePage(zone.id, args, ctx);
  }

  @FieldResolver(() => PartyOrganizationPage, {
    nullable: true,
    description: 'Party organizations of the zone, filtered, ordered and paged (by `offset`, or after a cursor).',
  })
  async partyOrganizations(
    @Root() zone: Zone,
    @Args(() => PartyOrganizationsArgs) args: PartyOrganizationsArgs,
    @Ctx() ctx: ZoneContext,
  ): Promise<PartyOrganizationPage> {
    return partyOrganizationPage(zone.id, args, ctx);
  }

  @FieldResolver(() => [PartyOrganization], { nullable: true, description: 'Roots of the party-organization tree (usually the 党工委); follow `children`.' })
  async organizationTree(@Root() zone: Zone, @Ctx() ctx: ZoneContext): Promise<PartyOrganization[]> {
    return (await ctx.loaders.rootOrganizationsByZone.load(zone.id)).map(toPartyOrganization);
  }

  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description: 'Reported figures (with source passage) and figures computed from records (with the computation), side by side, never merged.',
  })
  async indicators(@Root() zone: Zone, @Args(() => IndicatorsArgs) args: IndicatorsArgs, @Ctx() ctx: ZoneContext): Promise<IndicatorValue[]> {
    const { values } = await figuresOfZone(zone.id, args.codes, ctx);
    return args.period ? values.filter((v) => v.period.startsWith(args.period as string)) : values;
  }

  @FieldResolver(() => [UnassessedIndicator], {
    nullable: true,
    description:
      'Computable indicators the zone could not compute from its records (no records, a rate over named-only records, a zero count over named-only records), each with the reason.',
  })
  async unassessedIndicators(
    @Root() zone: Zone,
    @Args(() => UnassessedIndicatorsArgs) args: UnassessedIndicatorsArgs,
    @Ctx() ctx: ZoneContext,
  ): Promise<UnassessedIndicator[]> {
    return (await figuresOfZone(zone.id, args.codes, ctx)).unassessed;
  }

  @FieldResolver(() => FigureSheetScalar, {
    nullable: true,
    description:
      "`indicators(codes:)` and `unassessedIndicators(codes:)` as one value, for the province's reads of every zone at once (one leaf per zone instead of a dozen fields per figure). Not part of the API.",
  })
  @Directive('@federation__inaccessible')
  async figureSheet(@Root() zone: Zone, @Args(() => FigureSheetArgs) args: FigureSheetArgs, @Ctx() ctx: ZoneContext): Promise<FigureSheet> {
    const { values, unassessed } = await figuresOfZone(zone.id, args.codes, ctx);
    return figureSheetOf(values, unassessed, args.withText);
  }

  @FieldResolver(() => ZoneRecords, { nullable: true, description: "How complete each kind of the zone's records is, and the date they are as of." })
  async records(@Root() zone: Zone, @Ctx() ctx: ZoneContext): Promise<ZoneRecords | null> {
    const row = await ctx.loaders.zoneById.load(zone.id);
    return row ? toZoneRecords(row) : null;
  }

  @FieldResolver(() => [Honor], { nullable: true, description: 'Every honor held in the zone: by the zone, its enterprises and organizations.' })
  async honors(@Root() zone: Zone, @Ctx() ctx: ZoneContext): Promise<Honor[]> {
    return (await ctx.loaders.honorsByZone.load(zone.id)).map(toHonor);
  }

  @FieldResolver(() => [Alliance], { nullable: true })
  async alliances(@Root() zone: Zone, @Ctx() ctx: ZoneContext): Promise<Alliance[]> {
    return (await ctx.loaders.alliancesByZone.load(zone.id)).map(toAlliance);
  }

  @FieldResolver(() => [ServiceStation], { nullable: true })
  async serviceStations(@Root() zone: Zone, @Ctx() ctx: ZoneContext): Promise<ServiceStation[]> {
    return (await ctx.loaders.stationsByZone.load(zone.id)).map(toServiceStation);
  }

  @FieldResolver(() => [UpkeepAuditEntry], {
    nullable: true,
    description:
      "Changes made to the zone's data through upkeep (mutations, imports, seed files applied), newest first: who, when, before and after. For administrators and the zone's own zone system; FORBIDDEN for anyone else.",
  })
  async upkeepAudit(@Root() zone: Zone, @Args(() => UpkeepAuditArgs) args: UpkeepAuditArgs, @Ctx() ctx: ZoneContext): Promise<UpkeepAuditEntry[]> {
    if (!mayKeepZone(ctx.principal, zone.id))
      throw ERRORS.FORBIDDEN.err(`upkeepAudit of zone "${zone.id}" is for administrators and the zone's own zone system`, {
        zoneId: zone.id,
        action: 'upkeepAudit',
      });
    const page = await ctx.loaders.upkeepAudit.load({
      zoneId: zone.id,
      filter: { importId: args.importId ?? null },
      orderBy: 'newest',
      first: args.limit,
      offset: args.offset,
    });
    return page.rows.map(toUpkeepAuditEntry);
  }
}
