import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toHonor, toPartyOrganization } from '../mappers';
import { Enterprise } from '../types/enterprise.type';
import { Honor } from '../types/honor.type';
import { PartyOrganization } from '../types/partyOrganization.type';
import { Zone } from '../types/zone.type';

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @FieldResolver(() => Zone)
  zone(@Root() organization: PartyOrganization): Zone {
    return Object.assign(new Zone(), { id: organization.zoneId });
  }

  @FieldResolver(() => PartyOrganization, { nullable: true })
  async parent(@Root() organization: PartyOrganization, @Ctx() ctx: ZoneContext): Promise<PartyOrganization | null> {
    if (!organization.parentId) return null;
    const row = await ctx.loaders.organizationById.load(organization.parentId);
    return row ? toPartyOrganization(row) : null;
  }

  @FieldResolver(() => [PartyOrganization])
  async children(@Root() organization: PartyOrganization, @Ctx() ctx: ZoneContext): Promise<PartyOrganization[]> {
    return (await ctx.loaders.childrenByParent.load(organization.id)).map(toPartyOrganization);
  }

  @FieldResolver(() => [Enterprise], { description: 'Enterprises this organization covers.' })
  async enterprises(@Root() organization: PartyOrganization, @Ctx() ctx: ZoneContext): Promise<Enterprise[]> {
    return (await ctx.loaders.enterprisesByOrganization.load(organization.id)).map(toEnterprise);
  }

  @FieldResolver(() => [Honor])
  async honors(@Root() organization: PartyOrganization, @Ctx() ctx: ZoneContext): Promise<Honor[]> {
    return (await ctx.loaders.honorsByHolder.load(organization.id)).map(toHonor);
  }
}
