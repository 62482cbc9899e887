import { Field, Int, ObjectType } from 'type-graphql';
import { Enterprise } from './enterprise.type';
import { PartyOrganization } from './partyOrganization.type';

@ObjectType()
export class EnterprisePage {
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => [Enterprise]) items!: Enterprise[];
}

@ObjectType()
export class PartyOrganizationPage {
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => [PartyOrganization]) items!: PartyOrganization[];
}
