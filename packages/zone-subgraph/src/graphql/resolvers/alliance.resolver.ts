import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toPartyOrganization } from '../mappers';
import { Alliance } from '../types/alliance.type';
import { Enterprise } from '../types/enterprise.type';
import { PartyOrganization } from '../types/partyOrganization.type';

@Resolver(() => Alliance)
export class AllianceResolver {
  @FieldResolver(() => [PartyOrganization])
  async organizations(@Root() alliance: Alliance, @Ctx() ctx: ZoneContext): Promise<PartyOrganization[]> {
    const members = (await ctx.loaders.allianceMembers.load(alliance.id)).filter((m) => m.memberKind === 'party_organization');
    const rows = await ctx.loaders.organizationById.loadMany(members.map((m) => m.memberId));
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toPartyOrganization(row)] : []));
  }

  @FieldResolver(() => [Enterprise])
  async enterprises(@Root() alliance: Alliance, @Ctx() ctx: ZoneContext): Promise<Enterprise[]> {
    const members = (await ctx.loaders.allianceMembers.load(alliance.id)).filter((m) => m.memberKind === 'enterprise');
    const rows = await ctx.loaders.enterpriseById.loadMany(members.map((m) => m.memberId));
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toEnterprise(row)] : []));
  }
}
