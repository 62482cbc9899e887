import { Field, Int, ObjectType } from 'type-graphql';
import type { CountKey } from '../../loaders/pageLoaders';
import { Enterprise } from './enterprise.type';
import type { EnterpriseFilter, PartyOrganizationFilter } from './inputs';
import { PartyOrganization } from './partyOrganization.type';

@ObjectType({ description: 'Where a page ends: pass `endCursor` as `after` for the next page.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether items follow this page.' })
  hasNextPage!: boolean;
}

@ObjectType()
export class EnterprisePage {
  @Field(() => Int, { description: 'Enterprises of the zone matching the filter (counted only when asked).' }) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [Enterprise]) items!: Enterprise[];
  /** What `totalCount` counts, when asked (not a field). */
  counted!: CountKey<EnterpriseFilter>;
}

@ObjectType()
export class PartyOrganizationPage {
  @Field(() => Int, { description: 'Party organizations of the zone matching the filter (counted only when asked).' }) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [PartyOrganization]) items!: PartyOrganization[];
  /** What `totalCount` counts, when asked (not a field). */
  counted!: CountKey<PartyOrganizationFilter>;
}
