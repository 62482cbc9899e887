import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ZoneLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ZoneLevel, { name: 'ZoneLevel', description: 'National or provincial development zone; UNKNOWN where no source says.' });

export enum MeetingPrecision {
  EXACT_YEAR = 'EXACT_YEAR',
  WITHIN_PERIOD = 'WITHIN_PERIOD',
  ANNOUNCED = 'ANNOUNCED',
}
registerEnumType(MeetingPrecision, {
  name: 'MeetingPrecision',
  description:
    'EXACT_YEAR: the source dates this meeting. WITHIN_PERIOD: the source only says it happened within `period`. ANNOUNCED: planned, not confirmed as held.',
});

@ObjectType({ description: 'A source document and the passage a directory fact is quoted from.' })
export class SourceReference {
  @Field(() => String) document!: string;
  @Field(() => String) passage!: string;
}

@ObjectType({ description: 'A zone service as the registry knows it.' })
export class ZoneServiceInfo {
  @Field(() => String) name!: string;
  /** Exposed by ZoneServiceInfoResolver, administrators only. */
  url!: string;
}

@ObjectType({ description: 'How the gateways last saw a zone service (administrators only).' })
export class ZoneServiceHealth {
  @Field(() => String, {
    description: '`up`, `degraded`, `down` (the worst any gateway replica saw) or `unknown` (not checked yet, or a static zone-service list).',
  })
  state!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601: the last time any replica got an answer.' }) lastSeen!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601: the latest check.' }) checkedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it is degraded or down, from the latest such report.' }) detail!: string | null;
}

@ObjectType()
export class Province {
  @Field(() => ID) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A development zone (开发区). Directory facts live here; records come from the zone's own service." })
export class Zone {
  @Field(() => ID) id!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The county, county-level city or district the zone lies in, by its full official name with 市, 县 or 区 (永康市, 宁国市, 肥西县); null when no source says.',
  })
  city!: string | null;
  @Field(() => ZoneLevel) level!: ZoneLevel;
  @Field(() => SourceReference, { nullable: true }) directorySource!: SourceReference | null;
  provinceCode!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'Reference to an enterprise; its fields come from the zone service that holds it.' })
export class Enterprise {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class PartyOrganization {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'A provincial on-site meeting (现场会) and its host zones, with the precision its source gives.' })
export class OnsiteMeeting {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '`2018`, or `2018/2019` when the source only gives the span.' }) period!: string;
  @Field(() => MeetingPrecision) precision!: MeetingPrecision;
  @Field(() => SourceReference) source!: SourceReference;
  provinceCode!: string;
  hostZoneIds!: string[];
}

@ObjectType({ description: 'A zone that could not answer, and why.' })
export class ZoneFailure {
  @Field(() => ID) zoneId!: string;
  @Field(() => String, { nullable: true }) service!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType()
export class EnterpriseSearchResult {
  @Field(() => Int, { description: 'Matches over every zone that answered.' }) totalCount!: number;
  @Field(() => [Enterprise], {
    nullable: 'items',
    description: 'Items are nullable: an enterprise whose zone fails on the second fetch is null, not the whole list.',
  })
  items!: (Enterprise | null)[];
  @Field(() => [ZoneFailure], { description: 'Zones left out because their service failed; never dropped silently.' }) failedZones!: ZoneFailure[];
}
