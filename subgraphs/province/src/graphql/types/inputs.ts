import { EnterpriseFlag, EnterpriseOrder } from '@devzone/subgraph-kit';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

/** How every argument that takes a province reads it. */
export const PROVINCE_ARGUMENT_HELP =
  'A province: its code (anhui), English name (Anhui, any case) or Chinese name with or without 省 (安徽, 安徽省). An unknown one is BAD_USER_INPUT listing the valid provinces.';

@ArgsType()
export class ZonesArgs {
  @Field(() => String, { nullable: true, description: `Only zones of this province. ${PROVINCE_ARGUMENT_HELP}` })
  @IsOptional()
  @MaxLength(40)
  province?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these zones, in this order.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  ids?: string[];
}

@InputType({ description: 'All given conditions must hold.' })
export class EnterpriseSearchFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) nameContains?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) industry?: string;
  @Field(() => String, { nullable: true, description: 'Enterprise or an organization covering it holds an honor whose title contains this.' })
  @IsOptional()
  @MaxLength(100)
  honorContains?: string;
  @Field(() => [EnterpriseFlag], { nullable: true }) @IsOptional() @ArrayMaxSize(10) flags?: EnterpriseFlag[];
}

@ArgsType()
export class SearchEnterprisesArgs {
  @Field(() => EnterpriseSearchFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: EnterpriseSearchFilter;

  @Field(() => String, { nullable: true, description: `Limit to one province. ${PROVINCE_ARGUMENT_HELP}` })
  @IsOptional()
  @MaxLength(40)
  province?: string;

  @Field(() => [ID], { nullable: true, description: 'Limit to these zones, each listed once; with `province`, to those of them in it.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  zoneIds?: string[];

  @Field(() => EnterpriseOrder, { defaultValue: EnterpriseOrder.NAME_ASC }) orderBy: EnterpriseOrder = EnterpriseOrder.NAME_ASC;

  @Field(() => Int, { defaultValue: 20, description: '1 to 200.' }) @Min(1) @Max(200) first = 20;

  @Field(() => Int, { defaultValue: 0, description: 'offset + first may not exceed 500.' }) @Min(0) @Max(499) offset = 0;
}
