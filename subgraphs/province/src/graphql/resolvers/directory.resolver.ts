import { ERRORS } from '@devzone/errors';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DirectoryZoneRow, OnsiteMeetingHostRow, OnsiteMeetingRow, ProvinceRow } from '../../db/entities';
import { lookupHeldEntity, lookupZone } from '../../directory/lookups';
import { provinceCodeOf } from '../../directory/provinceArgs';
import type { ProvinceContext } from '../context.type';
import { toMeeting, toProvince, toZone } from '../mappers';
import { Enterprise, OnsiteMeeting, PartyOrganization, Province, Zone } from '../types/directory.types';
import { PROVINCE_ARGUMENT_HELP, ZonesArgs } from '../types/inputs';

const NOT_FOUND_HELP = 'An id that names nothing gives null and a NOT_FOUND error with the id; a malformed id gives BAD_USER_INPUT.';

@Resolver()
export class DirectoryResolver {
  @Query(() => [Province], { description: 'Every province in the directory.' })
  async provinces(@Ctx() ctx: ProvinceContext): Promise<Province[]> {
    return (await ctx.dataSource.getRepository(ProvinceRow).find({ order: { code: 'ASC' } })).map(toProvince);
  }

  @Query(() => [Zone], { description: 'Zones in the directory, optionally of one province or by ids (kept in the order given).' })
  async zones(@Args(() => ZonesArgs) args: ZonesArgs, @Ctx() ctx: ProvinceContext): Promise<Zone[]> {
    const province = args.province === undefined || args.province === null ? null : await provinceCodeOf(ctx.dataSource, args.province, 'province');
    if (args.ids) {
      const rows = await ctx.loaders.zoneById.loadMany(args.ids);
      const unknown = args.ids.filter((_, i) => !rows[i] || rows[i] instanceof Error);
      if (unknown.length > 0) throw ERRORS.BAD_USER_INPUT.err(`ids: unknown zone(s) ${unknown.map((u) => `"${u}"`).join(', ')}`, { field: 'ids' });
      return (rows as DirectoryZoneRow[]).filter((r) => !province || r.provinceCode === province).map(toZone);
    }
    const where = province ? { provinceCode: province } : {};
    return (await ctx.dataSource.getRepository(DirectoryZoneRow).find({ where, order: { provinceCode: 'ASC', id: 'ASC' } })).map(toZone);
  }

  @Query(() => Zone, { nullable: true, description: `A zone of the directory by id (\`yongkang\`). ${NOT_FOUND_HELP}` })
  async zone(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<Zone> {
    return toZone(await lookupZone(ctx, id));
  }

  @Query(() => Enterprise, {
    nullable: true,
    description: `An enterprise by id (\`<zoneId>:<localId>\`); its fields come from its zone. ${NOT_FOUND_HELP} ZONE_UNAVAILABLE when its zone service cannot say.`,
  })
  async enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<Enterprise> {
    return Object.assign(new Enterprise(), await lookupHeldEntity(ctx, id, 'Enterprise'));
  }

  @Query(() => PartyOrganization, {
    nullable: true,
    description: `A party organization by id (\`<zoneId>:<localId>\`); its fields come from its zone. ${NOT_FOUND_HELP} ZONE_UNAVAILABLE when its zone service cannot say.`,
  })
  async partyOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<PartyOrganization> {
    return Object.assign(new PartyOrganization(), await lookupHeldEntity(ctx, id, 'PartyOrganization'));
  }

  @Query(() => [OnsiteMeeting], { description: 'Provincial on-site meetings (现场会), oldest first.' })
  async onsiteMeetings(
    @Arg('province', () => String, { nullable: true, description: PROVINCE_ARGUMENT_HELP }) provinceInput: string | undefined | null,
    @Ctx() ctx: ProvinceContext,
  ): Promise<OnsiteMeeting[]> {
    const province = provinceInput === undefined || provinceInput === null ? null : await provinceCodeOf(ctx.dataSource, provinceInput, 'province');
    const rows = await ctx.dataSource
      .getRepository(OnsiteMeetingRow)
      .find({ where: province ? { provinceCode: province } : {}, order: { period: 'ASC', id: 'ASC' } });
    const hosts = await ctx.dataSource.getRepository(OnsiteMeetingHostRow).find();
    return rows.map((row) => toMeeting(row, hosts));
  }
}
