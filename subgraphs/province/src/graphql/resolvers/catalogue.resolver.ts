import { INDICATORS, indicatorByCode, unitLabel, type IndicatorDefinition as Definition } from '@devzone/catalogue';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Args, ArgsType, Field, Query, Resolver } from 'type-graphql';
import { requireIndicatorCodes } from '../../analytics/candidateZones';
import { IndicatorDefinition, IndicatorDerivation, IndicatorDirection } from '../types/catalogue.types';

export function toIndicatorDefinition(definition: Definition): IndicatorDefinition {
  return Object.assign(new IndicatorDefinition(), {
    code: definition.code,
    nameZh: definition.nameZh,
    nameEn: definition.nameEn,
    unit: definition.unit,
    unitLabel: unitLabel(definition.unit),
    direction: definition.direction.toUpperCase() as IndicatorDirection,
    definition: definition.definition,
    derivation: definition.derivation
      ? Object.assign(new IndicatorDerivation(), {
          kind: definition.derivation.kind,
          formula: definition.derivation.formula,
          numerator: definition.derivation.kind === 'ratio' ? definition.derivation.numerator : null,
          denominator: definition.derivation.kind === 'ratio' ? definition.derivation.denominator : null,
          scale: definition.derivation.kind === 'ratio' ? definition.derivation.scale : null,
          base: definition.derivation.kind === 'growth' ? definition.derivation.base : null,
        })
      : null,
  });
}

@ArgsType()
class CatalogueArgs {
  @Field(() => [String], { nullable: true, description: 'Only these codes, in this order; the whole catalogue when omitted.' })
  @IsOptional()
  @ArrayMaxSize(200)
  codes?: string[];
}

@Resolver()
export class CatalogueResolver {
  @Query(() => [IndicatorDefinition], {
    description: 'The indicator catalogue: every code an analysis can use, with unit, direction, definition and derivation.',
  })
  indicatorCatalogue(@Args(() => CatalogueArgs) { codes }: CatalogueArgs): IndicatorDefinition[] {
    if (!codes) return INDICATORS.map(toIndicatorDefinition);
    requireIndicatorCodes(codes, 'codes');
    return codes.map((code) => toIndicatorDefinition(indicatorByCode(code)!));
  }
}
