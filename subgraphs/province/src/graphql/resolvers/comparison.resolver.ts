import { indicatorByCode, unitLabel } from '@devzone/catalogue';
import type { Qualifier } from '@devzone/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { aggregateByProvince, type ProvinceAggregateRow } from '../../analytics/aggregate';
import { requireIndicatorCodes, resolveZoneScope } from '../../analytics/candidateZones';
import { rankByIndicator, requireSortIndicator } from '../../analytics/rankByIndicator';
import { requireCapability } from '../../authz';
import { readZoneCells } from '../../analytics/readZoneCells';
import { missingCell } from '../../analytics/selectFigure';
import type { ProvinceContext } from '../context.type';
import { toProvince, toZone } from '../mappers';
import { CompareZonesArgs, ComparisonRow, ComparisonSort, ProvinceAggregate, ZoneComparison } from '../types/comparison.types';
import type { Province } from '../types/directory.types';
import { ZoneFailure } from '../types/directory.types';
import { toFigureCell } from '../types/figure.types';
import { showsFigureTexts } from '../selection/figureTexts';
import { toIndicatorDefinition } from './catalogue.resolver';

function toProvinceAggregate(row: ProvinceAggregateRow, province: Province): ProvinceAggregate {
  const unit = indicatorByCode(row.code)?.unit ?? '';
  return Object.assign(new ProvinceAggregate(), {
    ...row.aggregate,
    province,
    indicator: row.code,
    unit,
    unitLabel: unitLabel(unit),
    qualifier: row.aggregate.qualifier as Qualifier | null,
  });
}

/** The analysts' comparison table: zones side by side, with per-province aggregates. */
@Resolver()
export class ComparisonResolver {
  @Query(() => ZoneComparison, {
    description:
      'Zones side by side on catalogue indicators (derived ones included), each cell with unit, precision, period and provenance, plus per-province mean, median, min and max that keep lower bounds visible and say how many values are reported and computed. ' +
      'By default computed figures count only over COMPLETE records (`computedOverNamedOnly` opts in to named-only ones). `sort` orders the rows by one indicator and ranks them (ties share a rank; zones without a value last, unranked). ' +
      'One round trip per zone service; zones that fail are listed in `failedZones` and their cells marked ZONE_UNAVAILABLE.',
  })
  async compareZones(
    @Args(() => CompareZonesArgs) args: CompareZonesArgs,
    @Ctx() ctx: ProvinceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ZoneComparison> {
    requireCapability(ctx.principal, 'ANALYSE', 'compareZones');
    requireIndicatorCodes(args.indicators, 'indicators');
    if (args.sort) requireSortIndicator(args.sort.indicator, args.indicators, 'sort.indicator');
    const scoped = await resolveZoneScope(ctx, { zoneIds: args.zoneIds, provinces: args.provinces });
    const codes = args.indicators;
    const table = await readZoneCells(
      ctx.zoneReader,
      scoped,
      codes,
      { source: args.source, period: args.period ?? undefined, computedOverNamedOnly: args.computedOverNamedOnly },
      { provenanceText: showsFigureTexts(info) },
    );
    const cellOf = (zoneId: string, code: string) => table.cells[zoneId]?.[code] ?? missingCell(zoneId, code, 'no cell was read for this zone');

    const provinceCodes = scoped.provinceCodes ?? [...new Set(scoped.zones.map((z) => z.provinceCode))];
    const provinceRows = await ctx.loaders.provinceByCode.loadMany(provinceCodes);
    const provinces = new Map(
      provinceCodes.map((code, i) => {
        const row = provinceRows[i];
        if (!row || row instanceof Error) throw new Error(`province "${code}" is not in the directory`);
        return [code, toProvince(row)];
      }),
    );
    const aggregates = aggregateByProvince(
      provinceCodes,
      scoped.zones.map((z) => ({ zoneId: z.id, provinceCode: z.provinceCode })),
      codes,
      table.cells,
    );

    const row = (zone: (typeof scoped.zones)[number], rank: number | null = null, rankNote: string | null = null) =>
      Object.assign(new ComparisonRow(), { zone: toZone(zone), cells: codes.map((code) => toFigureCell(cellOf(zone.id, code))), rank, rankNote });
    const sort = args.sort;
    const rows = sort
      ? rankByIndicator(
          scoped.zones.map((zone) => cellOf(zone.id, sort.indicator)),
          sort.direction,
        ).map((p) => row(scoped.zones[p.index], p.rank, p.note))
      : scoped.zones.map((zone) => row(zone));

    return Object.assign(new ZoneComparison(), {
      indicators: codes.map((code) => toIndicatorDefinition(indicatorByCode(code)!)),
      rows,
      sortedBy: sort ? Object.assign(new ComparisonSort(), { indicator: sort.indicator, direction: sort.direction }) : null,
      provinceAggregates: aggregates.map((row) => toProvinceAggregate(row, provinces.get(row.provinceCode)!)),
      failedZones: table.failures.map((f) => Object.assign(new ZoneFailure(), f)),
    });
  }
}
