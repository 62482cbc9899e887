import { ArrayMaxSize, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { EnterpriseFlag, EnterpriseOrder, PartyOrganizationOrder, PartyOrganizationType } from './enums';

@InputType({ description: 'All given conditions must hold.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'Substring of the Chinese or English name.' })
  @IsOptional()
  @MaxLength(100)
  nameContains?: string;

  @Field(() => String, { nullable: true, description: 'Industry, matched exactly.' })
  @IsOptional()
  @MaxLength(100)
  industry?: string;

  @Field(() => [EnterpriseFlag], { nullable: true, description: 'Enterprise must carry every flag.' })
  @IsOptional()
  @ArrayMaxSize(10)
  flags?: EnterpriseFlag[];

  @Field(() => String, { nullable: true, description: 'Enterprise (or a party organization covering it) holds an honor whose title contains this.' })
  @IsOptional()
  @MaxLength(100)
  honorContains?: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class PartyOrganizationFilter {
  @Field(() => [PartyOrganizationType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  types?: PartyOrganizationType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  nameContains?: string;

  @Field(() => String, { nullable: true, description: 'Organization holds an honor whose title contains this.' })
  @IsOptional()
  @MaxLength(100)
  honorContains?: string;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: '1 to 500.' })
  @Min(1)
  @Max(500)
  first = 50;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Items skipped before the first. A deep offset reads every item before it: to walk a long list, page with `after`.',
  })
  @Min(0)
  @Max(1_000_000)
  offset = 0;

  @Field(() => String, {
    nullable: true,
    description:
      "The items after this cursor (a page's `pageInfo.endCursor`): every page costs what the first one does, however deep. Only with the zone, order and filter the cursor came from, and without `offset`.",
  })
  @IsOptional()
  @MaxLength(1000)
  after?: string;
}

@ArgsType()
export class EnterprisesArgs extends PageArgs {
  @Field(() => EnterpriseFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: EnterpriseFilter;
  @Field(() => EnterpriseOrder, { defaultValue: EnterpriseOrder.NAME_ASC }) orderBy: EnterpriseOrder = EnterpriseOrder.NAME_ASC;
}

@ArgsType()
export class PartyOrganizationsArgs extends PageArgs {
  @Field(() => PartyOrganizationFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: PartyOrganizationFilter;
  @Field(() => PartyOrganizationOrder, { defaultValue: PartyOrganizationOrder.NAME_ASC })
  orderBy: PartyOrganizationOrder = PartyOrganizationOrder.NAME_ASC;
}

@ArgsType()
export class IndicatorsArgs {
  @Field(() => [String], { nullable: true, description: 'Indicator codes; all when omitted.' })
  @IsOptional()
  @ArrayMaxSize(100)
  codes?: string[];

  @Field(() => String, { nullable: true, description: 'Keep values whose period starts with this (e.g. "2023").' })
  @IsOptional()
  @MaxLength(21)
  period?: string;
}

@ArgsType()
export class UnassessedIndicatorsArgs {
  @Field(() => [String], { nullable: true, description: 'Indicator codes; every computable one when omitted.' })
  @IsOptional()
  @ArrayMaxSize(100)
  codes?: string[];
}

@ArgsType()
export class FigureSheetArgs {
  @Field(() => [String], { nullable: true, description: 'Indicator codes; all when omitted.' })
  @IsOptional()
  @ArrayMaxSize(100)
  codes?: string[];

  @Field(() => Boolean, { defaultValue: true, description: 'With the texts (period basis, note, passage, computation); null when false.' })
  withText = true;
}

@ArgsType()
export class UpkeepAuditArgs {
  @Field(() => Int, { defaultValue: 50, description: '1 to 500, newest first.' })
  @Min(1)
  @Max(500)
  limit = 50;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  offset = 0;

  @Field(() => ID, { nullable: true, description: 'Only the changes of this import.' })
  @IsOptional()
  @IsUUID()
  importId?: string;
}
