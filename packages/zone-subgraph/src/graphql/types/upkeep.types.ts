import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from './enterprise.type';
import { EnterpriseFlag, HonorLevel, PartyOrganizationType, Qualifier, RecordCompleteness } from './enums';
import { Honor } from './honor.type';
import { IndicatorValue } from './indicatorValue.type';
import { PartyOrganization } from './partyOrganization.type';
import { ZoneRecords } from './zoneRecords.type';

export enum UpkeepKind {
  ENTERPRISES = 'ENTERPRISES',
  PARTY_ORGANIZATIONS = 'PARTY_ORGANIZATIONS',
  HONORS = 'HONORS',
  INDICATOR_REPORTS = 'INDICATOR_REPORTS',
}
registerEnumType(UpkeepKind, { name: 'UpkeepKind', description: 'The kinds of record a zone system keeps current.' });

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'CSV: UTF-8 (with or without BOM), a header line, as Excel writes it. JSON: an array of objects keyed like the CSV headers.',
});

export enum UpkeepOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  DELETED = 'DELETED',
}
registerEnumType(UpkeepOutcome, {
  name: 'UpkeepOutcome',
  description: 'What a mutation or an import row did: UNCHANGED when the record already said exactly this (or a record to delete was not there).',
});

export enum UpkeepAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(UpkeepAction, { name: 'UpkeepAction' });

export enum HonorHolderKind {
  ZONE = 'ZONE',
  ENTERPRISE = 'ENTERPRISE',
  PARTY_ORGANIZATION = 'PARTY_ORGANIZATION',
}
registerEnumType(HonorHolderKind, { name: 'HonorHolderKind' });

@InputType({ description: 'A count with its precision (2000余名 is AT_LEAST 2000).' })
export class CountInput {
  @Field(() => Int) @Min(0) @Max(100_000_000) value!: number;
  @Field(() => Qualifier, { nullable: true, description: 'Default EXACT.' }) @IsOptional() qualifier?: Qualifier;
}

@InputType()
export class PatentsInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) invention?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) utility?: number;
}

@InputType({ description: 'The document a figure comes from.' })
export class CitationInput {
  @Field(() => String) @MaxLength(300) title!: string;
  @Field(() => String, { nullable: true, description: 'http(s) address.' }) @IsOptional() @MaxLength(1000) url?: string;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) @IsOptional() @MaxLength(10) date?: string;
}

@InputType({
  description:
    'An enterprise as the zone system states it: the whole record (a field left out is emptied). Keyed by `creditCode` when it has one, else by `nameZh` in the zone.',
})
export class EnterpriseInput {
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015, check character verified).' })
  @IsOptional()
  @MaxLength(40)
  creditCode?: string;
  @Field(() => String) @MaxLength(200) nameZh!: string;
  @Field(() => String, { nullable: true, description: 'Renames an enterprise without a credit code: its name until now.' })
  @IsOptional()
  @MaxLength(200)
  previousNameZh?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) nameEn?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) industry?: string;
  @Field(() => [EnterpriseFlag], { nullable: true }) @IsOptional() @ArrayMaxSize(10) flags?: EnterpriseFlag[];
  @Field(() => CountInput, { nullable: true }) @IsOptional() @ValidateNested() employees?: CountInput;
  @Field(() => Float, { nullable: true, description: 'Output value, 万元.' }) @IsOptional() outputValue?: number;
  @Field(() => Float, { nullable: true, description: 'Tax paid, 万元.' }) @IsOptional() tax?: number;
  @Field(() => PatentsInput, { nullable: true }) @IsOptional() @ValidateNested() patents?: PatentsInput;
}

@InputType({ description: 'Names an enterprise: its credit code, or its name when it has none.' })
export class EnterpriseKeyInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) creditCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) nameZh?: string;
}

@InputType({ description: 'A party organization, keyed by its name in the zone: the whole record (a field left out is emptied).' })
export class PartyOrganizationInput {
  @Field(() => String) @MaxLength(200) nameZh!: string;
  @Field(() => String, { nullable: true, description: 'Renames an organization: its name until now.' }) @IsOptional() @MaxLength(200) previousNameZh?: string;
  @Field(() => PartyOrganizationType) type!: PartyOrganizationType;
  @Field(() => String, { nullable: true, description: 'The parent organization, by name.' }) @IsOptional() @MaxLength(200) parent?: string;
  @Field(() => [String], { nullable: true, description: 'Enterprises it covers, each by credit code or name.' })
  @IsOptional()
  @ArrayMaxSize(2000)
  enterprises?: string[];
  @Field(() => CountInput, { nullable: true }) @IsOptional() @ValidateNested() memberCount?: CountInput;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) @IsOptional() @MaxLength(21) foundedOn?: string;
  @Field(() => Int, { nullable: true, description: '1 to 5.' }) @IsOptional() starRating?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) brand?: string;
}

@InputType()
export class PartyOrganizationKeyInput {
  @Field(() => String) @MaxLength(200) nameZh!: string;
}

@InputType({ description: 'Names an honor: its holder, title and year.' })
export class HonorKeyInput {
  @Field(() => HonorHolderKind) holderKind!: HonorHolderKind;
  @Field(() => String, { nullable: true, description: 'An enterprise by credit code or name, a party organization by name; none for the zone.' })
  @IsOptional()
  @MaxLength(200)
  holder?: string;
  @Field(() => String) @MaxLength(200) title!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() year?: number;
}

@InputType({ description: 'An honor, keyed by holder, title and year.' })
export class HonorInput extends HonorKeyInput {
  @Field(() => HonorLevel) level!: HonorLevel;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) awardedBy?: string;
}

@InputType({ description: "Names a zone system's figure: indicator code, period and scope." })
export class IndicatorReportKeyInput {
  @Field(() => String, { description: 'A code of the indicator catalogue.' }) @MaxLength(100) code!: string;
  @Field(() => String, { description: 'YYYY, YYYY-MM, YYYY-MM-DD or START/END.' }) @MaxLength(21) period!: string;
  @Field(() => String, { nullable: true, description: 'The part of the zone the figure is about; none for the whole zone.' })
  @IsOptional()
  @MaxLength(200)
  scope?: string;
}

@InputType({ description: 'A figure the zone system reports.' })
export class IndicatorReportInput extends IndicatorReportKeyInput {
  @Field(() => Float) value!: number;
  @Field(() => Qualifier, { nullable: true, description: 'Default EXACT.' }) @IsOptional() qualifier?: Qualifier;
  @Field(() => String, { nullable: true, description: "The catalogue's unit; given, it must agree." }) @IsOptional() @MaxLength(40) unit?: string;
  @Field(() => String, { nullable: true, description: 'How the period was established.' }) @IsOptional() @MaxLength(500) periodBasis?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
  @Field(() => CitationInput, { nullable: true }) @IsOptional() @ValidateNested() citation?: CitationInput;
}

@ObjectType({ description: 'What an upkeep mutation did, and the record as stored now (null once deleted).' })
export class UpkeepResult {
  @Field(() => UpkeepOutcome) outcome!: UpkeepOutcome;
  @Field(() => UpkeepKind) kind!: UpkeepKind;
  @Field(() => String, { description: 'The natural key the record was found or created by.' }) naturalKey!: string;
  @Field(() => ID, { nullable: true, description: "Global id of the record (a report's number); null when nothing was there to delete." }) recordId!:
    string | null;
  @Field(() => Enterprise, { nullable: true }) enterprise!: Enterprise | null;
  @Field(() => PartyOrganization, { nullable: true }) partyOrganization!: PartyOrganization | null;
  @Field(() => Honor, { nullable: true }) honor!: Honor | null;
  @Field(() => IndicatorValue, { nullable: true }) indicator!: IndicatorValue | null;
}

@ObjectType({ description: 'One problem of an import. CSV: `line` (1-based, the header is line 1). JSON: `index` (0-based, in the array).' })
export class ImportProblem {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field(() => Int, { nullable: true }) index!: number | null;
  @Field(() => String, { nullable: true, description: 'The column (CSV header or JSON key) as written.' }) column!: string | null;
  @Field(() => String, { nullable: true, description: 'The record field, with a list position (`enterprises[2]`).' }) field!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What one row of an import does (dry run) or did.' })
export class ImportRowOutcome {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field(() => Int, { nullable: true }) index!: number | null;
  @Field(() => UpkeepOutcome) outcome!: UpkeepOutcome;
  @Field(() => String) naturalKey!: string;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
}

@ObjectType({ description: 'The report of an import: all or nothing, so `applied` is false whenever `problems` is not empty.' })
export class ImportReport {
  @Field(() => ID, { nullable: true, description: "The audit's id for this import's changes; null unless applied with changes." }) importId!: string | null;
  @Field(() => UpkeepKind) kind!: UpkeepKind;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean) applied!: boolean;
  @Field(() => Int, { description: 'Data rows read (blank rows not counted).' }) rows!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) deleted!: number;
  @Field(() => [ImportProblem]) problems!: ImportProblem[];
  @Field(() => [ImportRowOutcome]) outcomes!: ImportRowOutcome[];
}

@ObjectType({ description: "One change to a zone's data: who made it, when, and the record before and after." })
export class UpkeepAuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ISO 8601.' }) at!: string;
  @Field(() => String, { description: "The credential's subject (`key:<keyId>`, `jwt:<issuer>/<sub>`), or `seed:<file>` for a seed file applied." })
  actor!: string;
  @Field(() => String, { description: 'zone, enterprise, party_organization, honor, indicator_report, alliance or service_station.' }) entityKind!: string;
  @Field(() => String) naturalKey!: string;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => UpkeepAction) action!: UpkeepAction;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: 'The import (or seed application) the change belongs to.' }) importId!: string | null;
}

@InputType({
  description:
    "How complete the zone's records are, per kind, and the date they are as of: what computed figures rest on (docs/architecture.md). Fields left out keep their value.",
})
export class ZoneRecordsInput {
  @Field(() => RecordCompleteness, { nullable: true }) @IsOptional() enterprises?: RecordCompleteness;
  @Field(() => RecordCompleteness, { nullable: true }) @IsOptional() partyOrganizations?: RecordCompleteness;
  @Field(() => RecordCompleteness, { nullable: true }) @IsOptional() honors?: RecordCompleteness;
  @Field(() => RecordCompleteness, { nullable: true }) @IsOptional() alliances?: RecordCompleteness;
  @Field(() => RecordCompleteness, { nullable: true }) @IsOptional() serviceStations?: RecordCompleteness;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) @IsOptional() @MaxLength(10) asOf?: string;
}

@ObjectType()
export class ZoneRecordsUpdate {
  @Field(() => UpkeepOutcome) outcome!: UpkeepOutcome;
  @Field(() => ZoneRecords) records!: ZoneRecords;
}
