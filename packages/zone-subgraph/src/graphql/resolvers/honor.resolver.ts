import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toPartyOrganization } from '../mappers';
import { Enterprise } from '../types/enterprise.type';
import { Honor } from '../types/honor.type';
import { PartyOrganization } from '../types/partyOrganization.type';
import { Zone } from '../types/zone.type';

@Resolver(() => Honor)
export class HonorResolver {
  @FieldResolver(() => Zone, { nullable: true, description: 'Set when the zone itself holds the honor.' })
  zone(@Root() honor: Honor): Zone | null {
    return honor.holderKind === 'zone' ? Object.assign(new Zone(), { id: honor.holderId }) : null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Set when an enterprise holds the honor.' })
  async enterprise(@Root() honor: Honor, @Ctx() ctx: ZoneContext): Promise<Enterprise | null> {
    if (honor.holderKind !== 'enterprise') return null;
    const row = await ctx.loaders.enterpriseById.load(honor.holderId);
    return row ? toEnterprise(row) : null;
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: 'Set when a party organization holds the honor.' })
  async partyOrganization(@Root() honor: Honor, @Ctx() ctx: ZoneContext): Promise<PartyOrganization | null> {
    if (honor.holderKind !== 'party_organization') return null;
    const row = await ctx.loaders.organizationById.load(honor.holderId);
    return row ? toPartyOrganization(row) : null;
  }
}
