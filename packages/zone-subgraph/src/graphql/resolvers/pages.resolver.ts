import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { EnterprisePage, PartyOrganizationPage } from '../types/connections.type';

/** `totalCount` is counted only when asked: on a large zone a count reads every matching row, a page only its own. */
@Resolver(() => EnterprisePage)
export class EnterprisePageResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: EnterprisePage, @Ctx() ctx: ZoneContext): Promise<number> {
    return ctx.loaders.enterpriseCount.load(page.counted);
  }
}

@Resolver(() => PartyOrganizationPage)
export class PartyOrganizationPageResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: PartyOrganizationPage, @Ctx() ctx: ZoneContext): Promise<number> {
    return ctx.loaders.organizationCount.load(page.counted);
  }
}
