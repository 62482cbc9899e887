import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/** The roles a credential grants (see docs/security.md for the matrix). */
export enum CredentialRole {
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  ZONE_SYSTEM = 'ZONE_SYSTEM',
  BI_READER = 'BI_READER',
}

registerEnumType(CredentialRole, {
  name: 'CredentialRole',
  description: 'ADMIN: province administrator; ANALYST: reads its provinces; ZONE_SYSTEM: its own zones; BI_READER: read-only views.',
});

@ObjectType({ description: 'An API key as stored: what it grants and who issued it. The key itself is shown only once, when issued.' })
export class ApiKey {
  @Field(() => ID, { description: 'The public part of the key: `dzk_<keyId>_…`.' }) keyId!: string;
  @Field(() => String) label!: string;
  @Field(() => [CredentialRole]) roles!: CredentialRole[];
  @Field(() => [String], { nullable: true, description: 'Province codes it may read; null: every province.' }) provinces!: string[] | null;
  @Field(() => [String], { description: "A zone system's own zones." }) zoneIds!: string[];
  @Field(() => String, { description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, { description: 'The subject of the administrator who issued it.' }) createdBy!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601; null while the key works.' }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
}

@ObjectType({ description: 'A newly issued key: `key` is shown this once and cannot be recovered.' })
export class IssuedApiKey {
  @Field(() => String, { description: 'Send it as `Authorization: ApiKey <key>` (or `Bearer <key>`).' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

@InputType()
export class IssueApiKeyInput {
  @Field(() => String, { description: 'What the key is for, 1 to 200 characters (no control characters).' }) @MaxLength(200) label!: string;
  @Field(() => [CredentialRole]) @ArrayMaxSize(4) roles!: CredentialRole[];
  @Field(() => [String], {
    description: 'Province codes or names it may read, or ["ALL"]. An ADMIN key always reads every province.',
  })
  @ArrayMaxSize(50)
  provinces!: string[];
  @Field(() => [String], { nullable: true, description: 'A ZONE_SYSTEM key names its own zones; other keys none.' })
  @IsOptional()
  @ArrayMaxSize(100)
  zoneIds?: string[];
}

@ObjectType({ description: 'What a key grants, for the gateway only (inaccessible through it).' })
export class ApiKeyGrantView {
  @Field(() => String) subject!: string;
  @Field(() => [CredentialRole]) roles!: CredentialRole[];
  @Field(() => [String], { nullable: true, description: 'Null: every province.' }) provinces!: string[] | null;
  @Field(() => [String]) zoneIds!: string[];
}
