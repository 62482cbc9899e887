import { In } from 'typeorm';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden, may, readableOf, readableZoneById, readScopeFor } from '../../authz';
import { OnsiteMeetingHostRow, OnsiteMeetingRow } from '../../db/entities';
import type { ProvinceRegistry } from '../../registry/provinceRegistry';
import type { ProvinceContext } from '../context.type';
import { toMeeting, toProvince, toZone } from '../mappers';
import { summarizeServiceHealth } from '../../registry/serviceHealthSummary';
import { OnsiteMeeting, Province, Zone, ZoneServiceHealth, ZoneServiceInfo } from '../types/directory.types';

@Resolver(() => Zone)
export class ZoneDirectoryResolver {
  @FieldResolver(() => Province)
  async province(@Root() zone: Zone, @Ctx() ctx: ProvinceContext): Promise<Province> {
    const row = await ctx.loaders.provinceByCode.load(zone.provinceCode);
    if (!row) throw new Error(`zone "${zone.id}" points at a missing province "${zone.provinceCode}"`);
    return toProvince(row);
  }

  @FieldResolver(() => ZoneServiceInfo, {
    nullable: true,
    description: 'The zone service hosting this zone; null when none is registered. Its `url` is for administrators only.',
  })
  service(@Root() zone: Zone, @Ctx() ctx: ProvinceContext): ZoneServiceInfo | null {
    const entry = ctx.registry.serviceForZone(zone.id);
    return entry ? Object.assign(new ZoneServiceInfo(), { name: entry.name, url: entry.url }) : null;
  }

  @FieldResolver(() => [OnsiteMeeting], { description: 'Provincial on-site meetings this zone hosted (or is announced to host).' })
  async onsiteMeetingsHosted(@Root() zone: Zone, @Ctx() ctx: ProvinceContext): Promise<OnsiteMeeting[]> {
    const links = await ctx.loaders.meetingsByHost.load(zone.id);
    if (links.length === 0) return [];
    const meetingIds = links.map((l) => l.meetingId);
    const [rows, hosts] = await Promise.all([
      ctx.dataSource.getRepository(OnsiteMeetingRow).find({ where: { id: In(meetingIds) }, order: { period: 'ASC' } }),
      ctx.dataSource.getRepository(OnsiteMeetingHostRow).findBy({ meetingId: In(meetingIds) }),
    ]);
    return rows.map((row) => toMeeting(row, hosts));
  }

  /** Resolves Zone references the gateway sends (e.g. from Enterprise.zone); one outside the caller's scope resolves to null. */
  static async resolveReference(reference: { id: string }, ctx: ProvinceContext): Promise<Zone | null> {
    const row = await readableZoneById(ctx, reference.id);
    return row ? toZone(row) : null;
  }
}

@Resolver(() => ZoneServiceInfo)
export class ZoneServiceInfoResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Internal address of the service: administrators only (null plus FORBIDDEN for anyone else).' })
  url(@Root() service: ZoneServiceInfo, @Ctx() ctx: ProvinceContext): string {
    if (!may(ctx.principal, 'SERVICE_URLS')) throw forbidden('Zone.service.url', 'SERVICE_URLS');
    return service.url;
  }

  @FieldResolver(() => ZoneServiceHealth, {
    nullable: true,
    description: 'How the gateways last saw the service (checked every few seconds): administrators only (null plus FORBIDDEN for anyone else).',
  })
  async health(@Root() service: ZoneServiceInfo, @Ctx() ctx: ProvinceContext): Promise<ZoneServiceHealth> {
    if (!may(ctx.principal, 'SERVICE_URLS')) throw forbidden('Zone.service.health', 'SERVICE_URLS');
    const reports = ctx.runtimeRegistry ? (await healthReportsOf(ctx)).filter((report) => report.serviceName === service.name) : [];
    return Object.assign(new ZoneServiceHealth(), summarizeServiceHealth(reports));
  }
}

/** One read of the health rows per request, however many zones ask. */
const healthReads = new WeakMap<ProvinceContext, ReturnType<ProvinceRegistry['health']>>();
function healthReportsOf(ctx: ProvinceContext): ReturnType<ProvinceRegistry['health']> {
  let read = healthReads.get(ctx);
  if (!read) {
    read = ctx.runtimeRegistry!.health();
    healthReads.set(ctx, read);
  }
  return read;
}

@Resolver(() => Province)
export class ProvinceZonesResolver {
  @FieldResolver(() => [Zone], { description: "The province's zones the caller may read." })
  async zones(@Root() province: Province, @Ctx() ctx: ProvinceContext): Promise<Zone[]> {
    return readableOf(readScopeFor(ctx), await ctx.loaders.zonesByProvince.load(province.code)).map(toZone);
  }
}

@Resolver(() => OnsiteMeeting)
export class OnsiteMeetingResolver {
  @FieldResolver(() => Province)
  async province(@Root() meeting: OnsiteMeeting, @Ctx() ctx: ProvinceContext): Promise<Province> {
    const row = await ctx.loaders.provinceByCode.load(meeting.provinceCode);
    if (!row) throw new Error(`meeting "${meeting.id}" points at a missing province`);
    return toProvince(row);
  }

  @FieldResolver(() => [Zone], { description: 'Host zones the caller may read.' })
  async hosts(@Root() meeting: OnsiteMeeting, @Ctx() ctx: ProvinceContext): Promise<Zone[]> {
    const rows = await ctx.loaders.zoneById.loadMany(meeting.hostZoneIds);
    const known = rows.flatMap((r) => (r && !(r instanceof Error) ? [r] : []));
    return readableOf(readScopeFor(ctx), known).map(toZone);
  }
}
