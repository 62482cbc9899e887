import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { toHonor, toPartyOrganization } from '../mappers';
import { Enterprise } from '../types/enterprise.type';
import { Honor } from '../types/honor.type';
import { PartyOrganization } from '../types/partyOrganization.type';
import { Zone } from '../types/zone.type';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => Zone)
  zone(@Root() enterprise: Enterprise): Zone {
    return Object.assign(new Zone(), { id: enterprise.zoneId });
  }

  @FieldResolver(() => [PartyOrganization], { description: 'Organizations covering this enterprise (its own or a joint branch).' })
  async partyOrganizations(@Root() enterprise: Enterprise, @Ctx() ctx: ZoneContext): Promise<PartyOrganization[]> {
    return (await ctx.loaders.organizationsByEnterprise.load(enterprise.id)).map(toPartyOrganization);
  }

  @FieldResolver(() => [Honor])
  async honors(@Root() enterprise: Enterprise, @Ctx() ctx: ZoneContext): Promise<Honor[]> {
    return (await ctx.loaders.honorsByHolder.load(enterprise.id)).map(toHonor);
  }
}
