import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ZoneContext } from '../context.type';
import { toEnterprise } from '../mappers';
import { Enterprise } from '../types/enterprise.type';
import { ServiceStation } from '../types/serviceStation.type';

@Resolver(() => ServiceStation)
export class ServiceStationResolver {
  @FieldResolver(() => Enterprise, { nullable: true })
  async hostEnterprise(@Root() station: ServiceStation, @Ctx() ctx: ZoneContext): Promise<Enterprise | null> {
    if (!station.hostEnterpriseId) return null;
    const row = await ctx.loaders.enterpriseById.load(station.hostEnterpriseId);
    return row ? toEnterprise(row) : null;
  }
}
