import { Qualifier } from '@devzone/zone-subgraph';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorDefinition } from './catalogue.types';
import { Province, Zone, ZoneFailure } from './directory.types';
import { FigureCell, ValueSource } from './figure.types';

@ArgsType()
export class CompareZonesArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these zones, in this order (at most 1000). With `provinces`, a zone must satisfy both.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @MaxLength(100, { each: true })
  zoneIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Zones of these provinces (codes: zhejiang, anhui, fujian ...); every zone when neither this nor `zoneIds` is given.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(40, { each: true })
  provinces?: string[];

  @Field(() => [String], { description: 'Indicator codes of the catalogue, derived ones (`derived.*`) included; the columns, in this order (at most 50).' })
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  indicators!: string[];

  @Field(() => String, { nullable: true, description: 'Keep reported figures whose period starts with this (`2022`); the latest figure otherwise. Computed figures are as of now and not filtered. At most 20 characters.' })
  @IsOptional()
  @MaxLength(20)
  period?: string;

  @Field(() => ValueSource, { defaultValue: ValueSource.PREFER_REPORTED, description: 'Which figures the cells use.' })
  source: ValueSource = ValueSource.PREFER_REPORTED;
}

@ObjectType({ description: 'One zone of a comparison and its figures, one cell per requested indicator.' })
export class ComparisonRow {
  @Field(() => Zone, { description: 'The zone; directory facts come from the province, its records from the zone service.' })
  zone!: Zone;

  @Field(() => [FigureCell], { description: 'One cell per requested indicator, in the order asked: a value, or MISSING / ZONE_UNAVAILABLE with a note.' })
  cells!: FigureCell[];
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

  @Field(() => Qualifier, {
    nullable: true,
    description:
      'Precision of the statistics: EXACT when every value is exact; AT_LEAST when every value is exact or a lower bound and at least one is a lower bound (mean, median, min and max are then lower bounds too); ABOUT otherwise. Null without values.',
  })
  qualifier!: Qualifier | null;

  @Field(() => [String], { description: 'Distinct periods of the values, sorted: several periods mean the statistics mix figures of different dates (computed figures are dated the day they are computed).' })
  periods!: string[];
}

@ObjectType({ description: 'Zones side by side on chosen indicators, with per-province summaries and the zones that could not answer.' })
export class ZoneComparison {
  @Field(() => [IndicatorDefinition], { description: 'The catalogue entries of the requested indicators, in the order asked (the columns).' })
  indicators!: IndicatorDefinition[];

  @Field(() => [ComparisonRow], { description: 'One row per zone in scope: in the order of `zoneIds` when given, else by province then zone id.' })
  rows!: ComparisonRow[];

  @Field(() => [ProvinceAggregate], {
    description: 'Per province in scope (the order of `provinces` when given, else of the rows) and per indicator (in the order asked).',
  })
  provinceAggregates!: ProvinceAggregate[];

  @Field(() => [ZoneFailure], { description: 'Zones whose service failed or that no service hosts; their cells are ZONE_UNAVAILABLE. Never dropped silently.' })
  failedZones!: ZoneFailure[];
}
