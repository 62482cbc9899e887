import { Qualifier } from '@devzone/subgraph-kit';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndicatorDefinition } from './catalogue.types';
import { Province, Zone, ZoneFailure } from './directory.types';
import { FigureCell, ValueSource } from './figure.types';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'ASC: smallest value first. DESC: largest value first.' });

@InputType({ description: 'Sort the rows of a comparison by one of its indicators.' })
export class ComparisonSortInput {
  @Field(() => String, { description: 'Indicator code to sort by; must be one of the compared `indicators`.' })
  @MaxLength(100)
  indicator!: string;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.DESC,
    description: "DESC (default): largest first. ASC: smallest first. Whether large is good is the catalogue's `direction`.",
  })
  direction: SortDirection = SortDirection.DESC;
}

@ObjectType({ description: 'How the rows of a comparison are sorted.' })
export class ComparisonSort {
  @Field(() => String) indicator!: string;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ArgsType()
export class CompareZonesArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these zones, in this order (at most 1000). With `provinces`, a zone must satisfy both.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @MaxLength(100, { each: true })
  zoneIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Zones of these provinces (codes: zhejiang, anhui, fujian ...); every zone when neither this nor `zoneIds` is given.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(40, { each: true })
  provinces?: string[];

  @Field(() => [String], { description: 'Indicator codes of the catalogue, derived ones (`derived.*`) included; the columns, in this order (at most 50).' })
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  indicators!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "Keep figures whose period starts with this (`2022`); the latest figure otherwise. A computed figure's period is the as-of date of the records it was computed over. At most 20 characters.",
  })
  @IsOptional()
  @MaxLength(20)
  period?: string;

  @Field(() => ValueSource, { defaultValue: ValueSource.PREFER_REPORTED, description: 'Which figures the cells use.' })
  source: ValueSource = ValueSource.PREFER_REPORTED;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Also use figures computed over NAMED_ONLY records (only the enterprises, organizations ... the sources name, not the whole zone). Off by default: such a figure describes the named records, not the zone. When on, the cell's note and `provenance.recordCompleteness` say so.",
  })
  computedOverNamedOnly = false;

  @Field(() => ComparisonSortInput, {
    nullable: true,
    description:
      'Sort the rows by one of the compared indicators, and rank them on it (`ComparisonRow.rank`). Without it, rows keep the order of `zoneIds`, else province then zone id.',
  })
  @IsOptional()
  @ValidateNested()
  sort?: ComparisonSortInput;
}

@ObjectType({ description: 'One zone of a comparison and its figures, one cell per requested indicator.' })
export class ComparisonRow {
  @Field(() => Zone, { description: 'The zone; directory facts come from the province, its records from the zone service.' })
  zone!: Zone;

  @Field(() => [FigureCell], { description: 'One cell per requested indicator, in the order asked: a value, or MISSING / ZONE_UNAVAILABLE with a note.' })
  cells!: FigureCell[];

  @Field(() => Int, {
    nullable: true,
    description:
      "With `sort`: the zone's rank on the sort indicator, 1 first in the sort direction; ties share a rank (1, 1, 3). A lower bound (AT_LEAST) is ranked by its stated bound (see rankNote). Null without `sort` or without a value (such rows come last).",
  })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'With `sort`: why the rank is uncertain (ranked by a lower bound or an approximate value) or why there is none; null for an exact value.',
  })
  rankNote!: string | null;
}

@ObjectType({ description: 'One indicator summarised over the zones of one province in the comparison.' })
export class ProvinceAggregate {
  @Field(() => Province, { description: 'The province whose zones are summarised.' })
  province!: Province;

  @Field(() => String, { description: 'Indicator code.' })
  indicator!: string;

  @Field(() => String, { description: 'Unit code of the indicator (count, person, percent ...).' })
  unit!: string;

  @Field(() => String, { description: 'Unit as written in Chinese.' })
  unitLabel!: string;

  @Field(() => Int, { description: 'Zones of this province in the comparison: valueCount + missingCount + unavailableCount.' })
  zoneCount!: number;

  @Field(() => Int, { description: 'Zones with a value (PRESENT cells); the statistics are over these only.' })
  valueCount!: number;

  @Field(() => Int, { description: 'Zones without a figure for the indicator (MISSING cells).' })
  missingCount!: number;

  @Field(() => Int, { description: 'Zones whose service failed (ZONE_UNAVAILABLE cells).' })
  unavailableCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the values (4 decimals); null without values. A lower bound when `qualifier` is AT_LEAST.' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median of the values (the mean of the middle two for an even count); null without values.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest value; null without values.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest value; null without values.' })
  max!: number | null;

  @Field(() => Int, { description: 'How many of the values are lower bounds (AT_LEAST, e.g. 2000余名).' })
  lowerBoundCount!: number;

  @Field(() => Int, { description: 'How many of the values are reported (quoted from a source; synthetic test data counts as reported).' })
  reportedCount!: number;

  @Field(() => Int, { description: 'How many of the values a zone service computed from its records.' })
  computedCount!: number;

  @Field(() => Int, { description: 'How many of the values the province derived from other figures (`derived.*` indicators).' })
  derivedCount!: number;

  @Field(() => Int, {
    description: 'How many of the values rest on NAMED_ONLY records (computed over them, or derived from such a figure); only with `computedOverNamedOnly`.',
  })
  namedOnlyCount!: number;

  @Field(() => Qualifier, {
    nullable: true,
    description:
      'Precision of the statistics, the weakest of the values (EXACT < AT_LEAST < ABOUT): EXACT when every value is exact; AT_LEAST when every value is exact or a lower bound and at least one is a lower bound (mean, median, min and max are then lower bounds too); ABOUT otherwise. Null without values.',
  })
  qualifier!: Qualifier | null;

  @Field(() => [String], {
    description:
      "Distinct periods of the values, sorted: several periods mean the statistics mix figures of different dates (a computed figure is dated by its records' as-of date).",
  })
  periods!: string[];
}

@ObjectType({ description: 'Zones side by side on chosen indicators, with per-province summaries and the zones that could not answer.' })
export class ZoneComparison {
  @Field(() => [IndicatorDefinition], { description: 'The catalogue entries of the requested indicators, in the order asked (the columns).' })
  indicators!: IndicatorDefinition[];

  @Field(() => [ComparisonRow], {
    description:
      'One row per zone in scope: sorted by `sort` when given (zones without a value last), else in the order of `zoneIds` when given, else by province then zone id.',
  })
  rows!: ComparisonRow[];

  @Field(() => ComparisonSort, { nullable: true, description: 'The sort applied to the rows; null when unsorted.' })
  sortedBy!: ComparisonSort | null;

  @Field(() => [ProvinceAggregate], {
    description: 'Per province in scope (the order of `provinces` when given, else of the rows) and per indicator (in the order asked).',
  })
  provinceAggregates!: ProvinceAggregate[];

  @Field(() => [ZoneFailure], { description: 'Zones whose service failed or that no service hosts; their cells are ZONE_UNAVAILABLE. Never dropped silently.' })
  failedZones!: ZoneFailure[];
}
