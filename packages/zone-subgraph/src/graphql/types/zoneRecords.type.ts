import { Field, ObjectType } from 'type-graphql';
import { RecordCompleteness } from './enums';

@ObjectType({ description: "How complete each kind of the zone's records is, and the date they are as of." })
export class ZoneRecords {
  @Field(() => RecordCompleteness) enterprises!: RecordCompleteness;
  @Field(() => RecordCompleteness) partyOrganizations!: RecordCompleteness;
  @Field(() => RecordCompleteness) honors!: RecordCompleteness;
  @Field(() => RecordCompleteness) alliances!: RecordCompleteness;
  @Field(() => RecordCompleteness) serviceStations!: RecordCompleteness;
  @Field(() => String, {
    nullable: true,
    description: 'YYYY, YYYY-MM or YYYY-MM-DD: the date the records are as of (the latest source they come from); null when not recorded.',
  })
  asOf!: string | null;
}
