import { ERRORS } from '@devzone/errors';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { resolveZoneScope } from '../../analytics/candidateZones';
import { provinceCodeOf } from '../../directory/provinceArgs';
import { mergeEnterprisePages } from '../../zoneReader/mergeEnterprisePages';
import type { ProvinceContext } from '../context.type';
import { Enterprise, EnterpriseSearchResult, ZoneFailure } from '../types/directory.types';
import { SearchEnterprisesArgs } from '../types/inputs';

@Resolver()
export class SearchResolver {
  @Query(() => EnterpriseSearchResult, {
    description:
      'Enterprises across zones by name, industry, honor or flags: one round trip per zone service, in parallel, merged into one order. Only zones the caller may read are searched. Zones whose service fails are listed in `failedZones`.',
  })
  async searchEnterprises(@Args(() => SearchEnterprisesArgs) args: SearchEnterprisesArgs, @Ctx() ctx: ProvinceContext): Promise<EnterpriseSearchResult> {
    if (args.offset + args.first > 500) throw ERRORS.BAD_USER_INPUT.err('offset: offset + first may not exceed 500', { field: 'offset' });
    const province = args.province === undefined || args.province === null ? null : await provinceCodeOf(ctx, args.province, 'province');
    // The scope as every analysis resolves it: only zones the caller may read, a zone id outside its scope refused like an unknown one.
    const scoped = await resolveZoneScope(ctx, { zoneIds: args.zoneIds ?? null, provinces: province ? [province] : null });
    const zones = [...scoped.zones].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Only zones some service hosts can answer; the others are reported, not dropped.
    const routable = zones.filter((z) => ctx.registry.serviceForZone(z.id));
    const unroutable = zones.filter((z) => !ctx.registry.serviceForZone(z.id));
    const { pages, failures } =
      routable.length === 0
        ? { pages: [], failures: [] }
        : await ctx.zoneReader.enterprises(
            routable.map((z) => z.id),
            { filter: args.filter, orderBy: args.orderBy, first: args.offset + args.first },
          );
    const merged = mergeEnterprisePages(pages, args.orderBy, args.offset, args.first);
    return Object.assign(new EnterpriseSearchResult(), {
      totalCount: merged.totalCount,
      items: merged.items.map((e) => Object.assign(new Enterprise(), { id: e.id })),
      failedZones: [
        ...failures.map((f) => Object.assign(new ZoneFailure(), f)),
        ...unroutable.map((z) =>
          Object.assign(new ZoneFailure(), { zoneId: z.id, service: null, message: `no zone service is registered for zone "${z.id}"` }),
        ),
      ],
    });
  }
}
