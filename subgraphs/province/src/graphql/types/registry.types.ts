import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** How complete a kind of a zone's records is, as its zone system states it at registration. */
export enum ClaimedCompleteness {
  COMPLETE = 'COMPLETE',
  NAMED_ONLY = 'NAMED_ONLY',
}

registerEnumType(ClaimedCompleteness, {
  name: 'ClaimedCompleteness',
  description: 'COMPLETE: the zone system holds its full register of that kind; NAMED_ONLY: only what a source names.',
});

export enum RegistryOutcome {
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}

registerEnumType(RegistryOutcome, { name: 'RegistryOutcome', description: 'ACCEPTED: live on every gateway within seconds; REFUSED: nothing changed.' });

@InputType({ description: 'Completeness of a zone’s records by kind; a kind left out is not stated.' })
export class RecordCompletenessClaimInput {
  @Field(() => ClaimedCompleteness, { nullable: true }) enterprises?: ClaimedCompleteness;
  @Field(() => ClaimedCompleteness, { nullable: true }) partyOrganizations?: ClaimedCompleteness;
  @Field(() => ClaimedCompleteness, { nullable: true }) honors?: ClaimedCompleteness;
  @Field(() => ClaimedCompleteness, { nullable: true }) alliances?: ClaimedCompleteness;
  @Field(() => ClaimedCompleteness, { nullable: true }) serviceStations?: ClaimedCompleteness;
}

@InputType({ description: 'A zone the service hosts, with the directory data the province keeps for it.' })
export class ZoneClaimInput {
  @Field(() => ID, { description: 'Lowercase letters, digits and dashes, e.g. `ningguo`.' }) id!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'Province code, e.g. `anhui`.' }) provinceCode!: string;
  @Field(() => String, { nullable: true, description: 'Full official name ending with 市, 县 or 区 (宁国市, 肥西县).' }) city?: string;
  @Field(() => String, { nullable: true, description: '`national`, `provincial` or `unknown` (default).' }) level?: string;
  @Field(() => RecordCompletenessClaimInput, { nullable: true }) recordCompleteness?: RecordCompletenessClaimInput;
}

@InputType()
export class ServiceContactInput {
  @Field(() => String, { description: 'Who answers for the service.' }) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
}

@InputType({ description: 'A zone service as its zone system registers it.' })
export class ZoneServiceRegistrationInput {
  @Field(() => String, { description: 'Stable service name: lowercase letters, digits and dashes.' }) name!: string;
  @Field(() => String, { description: 'The service’s GraphQL endpoint, reachable from the province and the gateways.' }) url!: string;
  @Field(() => ServiceContactInput) contact!: ServiceContactInput;
  @Field(() => [ZoneClaimInput]) zones!: ZoneClaimInput[];
}

@ObjectType({ description: 'One reason a registry change was refused.' })
export class RegistryProblemView {
  @Field(() => String, { description: '`payload`, `authorization`, `claims`, `reachability`, `probe`, `contract`, `composition` or `concurrency`.' })
  check!: string;
  @Field(() => String, { nullable: true, description: 'The payload field (`zones[1].city`) or schema coordinate (`Zone.indicators`) concerned.' })
  path!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'A change to the served API schema, classified as graphql-inspector does.' })
export class SchemaChangeView {
  @Field(() => String, { description: '`BREAKING`, `DANGEROUS` or `NON_BREAKING`.' }) criticality!: string;
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true }) path!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What a registry change did.' })
export class RegistryChangeResult {
  @Field(() => RegistryOutcome) outcome!: RegistryOutcome;
  @Field(() => Int, { description: 'Its line in `registryHistory`.' }) changeId!: number;
  @Field(() => Int, { nullable: true, description: 'The registry version now served (accepted), or the one it was checked against (refused).' })
  version!: number | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the served supergraph.' }) supergraphHash!: string | null;
  @Field(() => [RegistryProblemView]) problems!: RegistryProblemView[];
  @Field(() => [SchemaChangeView], { description: 'What the change does to the served API schema.' }) changes!: SchemaChangeView[];
}

@ObjectType()
export class ServiceContactView {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({ description: 'What a gateway replica last saw of a service.' })
export class ServiceHealthView {
  @Field(() => String) replica!: string;
  @Field(() => String, { description: '`up`, `degraded` or `down`.' }) state!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601: the last time it answered.' }) lastSeen!: string | null;
  @Field(() => String, { description: 'ISO 8601.' }) checkedAt!: string;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

@ObjectType({ description: 'A registered zone service.' })
export class RegisteredZoneServiceView {
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
  @Field(() => ServiceContactView) contact!: ServiceContactView;
  @Field(() => [ID]) zoneIds!: string[];
  @Field(() => String) registeredBy!: string;
  @Field(() => String, { description: 'ISO 8601.' }) updatedAt!: string;
  @Field(() => [String], {
    description: 'Schema coordinates other services serve and this one lacks: they are served once every zone service has them.',
  })
  lacking!: string[];
  @Field(() => String, { description: '`up`, `degraded`, `down` (the worst any replica saw) or `unknown` (not checked yet).' }) state!: string;
  @Field(() => [ServiceHealthView]) health!: ServiceHealthView[];
}

@ObjectType({ description: 'The registry as every gateway serves it.' })
export class RegistryStatusView {
  @Field(() => Int, { nullable: true, description: 'Null until the first registration.' }) version!: number | null;
  @Field(() => String, { nullable: true }) supergraphHash!: string | null;
  @Field(() => String, { nullable: true }) acceptedAt!: string | null;
  @Field(() => [RegisteredZoneServiceView]) services!: RegisteredZoneServiceView[];
}

@ObjectType({ description: 'A line of the registry history: an accepted or refused change.' })
export class RegistryChangeView {
  @Field(() => Int) id!: number;
  @Field(() => String, { description: 'ISO 8601.' }) at!: string;
  @Field(() => String, { description: 'The subject of the credential that asked.' }) actor!: string;
  @Field(() => String, { description: '`register`, `update`, `deregister`, `rollback` or `recompose`.' }) action!: string;
  @Field(() => String, { nullable: true }) service!: string | null;
  @Field(() => RegistryOutcome) outcome!: RegistryOutcome;
  @Field(() => [RegistryProblemView]) problems!: RegistryProblemView[];
  @Field(() => [SchemaChangeView]) changes!: SchemaChangeView[];
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field(() => String, { nullable: true }) supergraphHash!: string | null;
  @Field(() => Boolean) forced!: boolean;
  @Field(() => String, { description: 'The payload as sent, as JSON.' }) payload!: string;
}
