import { ERRORS } from '@devzone/errors';
import { zoneIdOf } from '@devzone/registry';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DirectoryZoneRow, OnsiteMeetingHostRow, OnsiteMeetingRow, ProvinceRow } from '../../db/entities';
import type { ProvinceContext } from '../context.type';
import { toMeeting, toProvince, toZone } from '../mappers';
import { Enterprise, OnsiteMeeting, PartyOrganization, Province, Zone } from '../types/directory.types';
import { ZonesArgs } from '../types/inputs';

async function assertProvince(ctx: ProvinceContext, code: string, field: string): Promise<void> {
  if (!(await ctx.loaders.provinceByCode.load(code))) {
    throw ERRORS.BAD_USER_INPUT.err(`${field}: unknown province "${code}"`, { field });
  }
}

/** A reference the gateway completes from the zone that holds it; refused when the zone is not in the directory. */
async function referenceInKnownZone(ctx: ProvinceContext, id: string, kind: string): Promise<{ id: string }> {
  if (!id.includes(':')) throw ERRORS.BAD_USER_INPUT.err(`id: "${id}" is not a ${kind} id (expected <zoneId>:<localId>)`, { field: 'id' });
  const zoneId = zoneIdOf(id);
  if (!(await ctx.loaders.zoneById.load(zoneId))) throw ERRORS.NOT_FOUND.err(`${kind} "${id}": no zone "${zoneId}" in the directory`, { id });
  return { id };
}

@Resolver()
export class DirectoryResolver {
  @Query(() => [Province], { description: 'Every province in the directory.' })
  async provinces(@Ctx() ctx: ProvinceContext): Promise<Province[]> {
    return (await ctx.dataSource.getRepository(ProvinceRow).find({ order: { code: 'ASC' } })).map(toProvince);
  }

  @Query(() => [Zone], { description: 'Zones in the directory, optionally of one province or by ids (kept in the order given).' })
  async zones(@Args(() => ZonesArgs) args: ZonesArgs, @Ctx() ctx: ProvinceContext): Promise<Zone[]> {
    if (args.province) await assertProvince(ctx, args.province, 'province');
    if (args.ids) {
      const rows = await ctx.loaders.zoneById.loadMany(args.ids);
      const unknown = args.ids.filter((_, i) => !rows[i] || rows[i] instanceof Error);
      if (unknown.length > 0) throw ERRORS.BAD_USER_INPUT.err(`ids: unknown zone(s) ${unknown.map((u) => `"${u}"`).join(', ')}`, { field: 'ids' });
      return (rows as DirectoryZoneRow[]).filter((r) => !args.province || r.provinceCode === args.province).map(toZone);
    }
    const where = args.province ? { provinceCode: args.province } : {};
    return (await ctx.dataSource.getRepository(DirectoryZoneRow).find({ where, order: { provinceCode: 'ASC', id: 'ASC' } })).map(toZone);
  }

  @Query(() => Zone, { nullable: true })
  async zone(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<Zone | null> {
    const row = await ctx.loaders.zoneById.load(id);
    return row ? toZone(row) : null;
  }

  @Query(() => Enterprise, { nullable: true, description: 'An enterprise by id (`<zoneId>:<localId>`); its fields come from its zone.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<Enterprise> {
    return referenceInKnownZone(ctx, id, 'enterprise');
  }

  @Query(() => PartyOrganization, { nullable: true, description: 'A party organization by id (`<zoneId>:<localId>`).' })
  partyOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<PartyOrganization> {
    return referenceInKnownZone(ctx, id, 'party organization');
  }

  @Query(() => [OnsiteMeeting], { description: 'Provincial on-site meetings (现场会), oldest first.' })
  async onsiteMeetings(@Arg('province', () => String, { nullable: true }) province: string | undefined, @Ctx() ctx: ProvinceContext): Promise<OnsiteMeeting[]> {
    if (province) await assertProvince(ctx, province, 'province');
    const rows = await ctx.dataSource.getRepository(OnsiteMeetingRow).find({ where: province ? { provinceCode: province } : {}, order: { period: 'ASC', id: 'ASC' } });
    const hosts = await ctx.dataSource.getRepository(OnsiteMeetingHostRow).find();
    return rows.map((row) => toMeeting(row, hosts));
  }
}
