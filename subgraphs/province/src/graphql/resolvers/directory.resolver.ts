import { ERRORS } from '@devzone/errors';
import { In } from 'typeorm';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { readableProvinces, readableZones } from '../../authz';
import { OnsiteMeetingHostRow, OnsiteMeetingRow } from '../../db/entities';
import { lookupHeldEntity, lookupZone } from '../../directory/lookups';
import { provinceCodeOf } from '../../directory/provinceArgs';
import type { ProvinceContext } from '../context.type';
import { toMeeting, toProvince, toZone } from '../mappers';
import { Enterprise, OnsiteMeeting, PartyOrganization, Province, Zone } from '../types/directory.types';
import { PROVINCE_ARGUMENT_HELP, ZonesArgs } from '../types/inputs';

const NOT_FOUND_HELP =
  'An id that names nothing, or nothing the caller may read, gives null and a NOT_FOUND error with the id; a malformed id gives BAD_USER_INPUT.';
const SCOPE_HELP = "Only the zones the caller's credential may read are listed; another province or zone answers like an unknown one.";

@Resolver()
export class DirectoryResolver {
  @Query(() => [Province], { description: `Provinces in the directory that the caller may read. ${SCOPE_HELP}` })
  async provinces(@Ctx() ctx: ProvinceContext): Promise<Province[]> {
    return (await readableProvinces(ctx)).map(toProvince);
  }

  @Query(() => [Zone], { description: `Zones in the directory, optionally of one province or by ids (kept in the order given). ${SCOPE_HELP}` })
  async zones(@Args(() => ZonesArgs) args: ZonesArgs, @Ctx() ctx: ProvinceContext): Promise<Zone[]> {
    const province = args.province === undefined || args.province === null ? null : await provinceCodeOf(ctx, args.province, 'province');
    if (!args.ids) return (await readableZones(ctx, province ? [province] : null)).map(toZone);
    const byId = new Map((await readableZones(ctx)).map((row) => [row.id, row]));
    // Out of scope is unknown: the same error, so it never tells whether such a zone exists.
    const unknown = args.ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) throw ERRORS.BAD_USER_INPUT.err(`ids: unknown zone(s) ${unknown.map((u) => `"${u}"`).join(', ')}`, { field: 'ids' });
    return args.ids
      .map((id) => byId.get(id)!)
      .filter((row) => !province || row.provinceCode === province)
      .map(toZone);
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

  @Query(() => [OnsiteMeeting], {
    description: `Provincial on-site meetings (现场会), oldest first, of the provinces the caller may read; hosts outside its scope are left out.`,
  })
  async onsiteMeetings(
    @Arg('province', () => String, { nullable: true, description: PROVINCE_ARGUMENT_HELP }) provinceInput: string | undefined | null,
    @Ctx() ctx: ProvinceContext,
  ): Promise<OnsiteMeeting[]> {
    const provinces =
      provinceInput === undefined || provinceInput === null
        ? (await readableProvinces(ctx)).map((p) => p.code)
        : [await provinceCodeOf(ctx, provinceInput, 'province')];
    const rows = await ctx.dataSource.getRepository(OnsiteMeetingRow).find({ where: { provinceCode: In(provinces) }, order: { period: 'ASC', id: 'ASC' } });
    const hosts = await ctx.dataSource.getRepository(OnsiteMeetingHostRow).find();
    return rows.map((row) => toMeeting(row, hosts));
  }
}
