import { hasRole, type Principal } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ProvinceRegistry } from '../../registry/provinceRegistry';
import type { ProvinceContext } from '../context.type';
import { RegistryChangeResult, RegistryChangeView, RegistryStatusView, ZoneServiceRegistrationInput } from '../types/registry.types';
import { toChangeResult, toChangeView, toStatusView, plainRegistration } from '../registryViews';

const HISTORY_LIMIT_MAX = 500;

function registryOf(ctx: ProvinceContext): ProvinceRegistry {
  if (!ctx.runtimeRegistry)
    throw ERRORS.SERVICE_UNAVAILABLE.err('this province service runs with a static zone-service list (ZONE_SERVICES): the runtime registry is off');
  return ctx.runtimeRegistry;
}

/** A caller who may change registrations: an administrator or a zone system (for its own zones: the registry checks which). */
function registrant(ctx: ProvinceContext, action: string): Principal {
  const { principal } = ctx;
  if (!principal) throw ERRORS.UNAUTHENTICATED.err(`${action} needs a credential`);
  if (!hasRole(principal, 'ADMIN') && !hasRole(principal, 'ZONE_SYSTEM'))
    throw ERRORS.FORBIDDEN.err(`${action} needs the role ADMIN or ZONE_SYSTEM`, { action });
  return principal;
}

function administrator(ctx: ProvinceContext, action: string): Principal {
  const { principal } = ctx;
  if (!principal) throw ERRORS.UNAUTHENTICATED.err(`${action} needs a credential`);
  if (!hasRole(principal, 'ADMIN')) throw ERRORS.FORBIDDEN.err(`${action} is for administrators only`, { action });
  return principal;
}

@Resolver()
export class RegistryResolver {
  @Mutation(() => RegistryChangeResult, {
    description:
      'Registers a new zone service after the registry’s checks (docs/zone-systems.md). A refusal lists every problem and changes nothing; accepted, every gateway serves it within seconds.',
  })
  async registerZoneService(
    @Arg('input', () => ZoneServiceRegistrationInput) input: ZoneServiceRegistrationInput,
    @Arg('moveZones', () => [ID], {
      nullable: true,
      description: 'Zones another service hosts that move to the new one (a zone leaving its service for its own).',
    })
    moveZones: string[] | null,
    @Arg('force', () => Boolean, { defaultValue: false, description: 'Administrators only: accept a breaking change to the served schema.' }) force: boolean,
    @Ctx() ctx: ProvinceContext,
  ): Promise<RegistryChangeResult> {
    const actor = registrant(ctx, 'registerZoneService');
    return toChangeResult(await registryOf(ctx).register(plainRegistration(input), actor, { force, moveZones: moveZones ?? [] }));
  }

  @Mutation(() => RegistryChangeResult, {
    description: 'Updates a registered zone service: URL, contact, zones (a zone listed in `moveZones` moves here from the service hosting it, in one step).',
  })
  async updateZoneService(
    @Arg('input', () => ZoneServiceRegistrationInput) input: ZoneServiceRegistrationInput,
    @Arg('moveZones', () => [ID], { nullable: true, description: 'Zones another service hosts that move to this one.' }) moveZones: string[] | null,
    @Arg('force', () => Boolean, { defaultValue: false, description: 'Administrators only: accept a breaking change to the served schema.' }) force: boolean,
    @Ctx() ctx: ProvinceContext,
  ): Promise<RegistryChangeResult> {
    const actor = registrant(ctx, 'updateZoneService');
    return toChangeResult(await registryOf(ctx).update(plainRegistration(input), actor, { force, moveZones: moveZones ?? [] }));
  }

  @Mutation(() => RegistryChangeResult, { description: 'Removes a zone service and its zones from the served supergraph.' })
  async deregisterZoneService(
    @Arg('name', () => String) name: string,
    @Arg('force', () => Boolean, { defaultValue: false, description: 'Administrators only: accept a breaking change to the served schema.' }) force: boolean,
    @Ctx() ctx: ProvinceContext,
  ): Promise<RegistryChangeResult> {
    const actor = registrant(ctx, 'deregisterZoneService');
    return toChangeResult(await registryOf(ctx).deregister(name, actor, { force }));
  }

  @Mutation(() => RegistryChangeResult, { description: 'Administrators only: serves again the services of an earlier accepted version, as a new version.' })
  async rollbackRegistry(@Arg('toVersion', () => Int) toVersion: number, @Ctx() ctx: ProvinceContext): Promise<RegistryChangeResult> {
    const actor = administrator(ctx, 'rollbackRegistry');
    return toChangeResult(await registryOf(ctx).rollback(toVersion, actor));
  }

  @Query(() => RegistryStatusView, {
    description: 'Administrators: every registered service, its zones, what it lacks of the served schema and its health. A zone system sees its own services.',
  })
  async registryStatus(@Ctx() ctx: ProvinceContext): Promise<RegistryStatusView> {
    const caller = registrant(ctx, 'registryStatus');
    return toStatusView(await registryOf(ctx).status(), caller);
  }

  @Query(() => [RegistryChangeView], { description: 'Accepted and refused registry changes, newest first. A zone system sees those about its own services.' })
  async registryHistory(
    @Arg('service', () => String, { nullable: true }) service: string | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: `1 to ${HISTORY_LIMIT_MAX}.` }) limit: number,
    @Ctx() ctx: ProvinceContext,
  ): Promise<RegistryChangeView[]> {
    const caller = registrant(ctx, 'registryHistory');
    if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_LIMIT_MAX)
      throw ERRORS.BAD_USER_INPUT.err(`limit must be between 1 and ${HISTORY_LIMIT_MAX}`, { field: 'limit' });
    const registry = registryOf(ctx);
    const records = await registry.history({ ...(service ? { serviceName: service } : {}), limit });
    if (hasRole(caller, 'ADMIN')) return records.map(toChangeView);
    // The shard map the province already holds says which services are the caller's: no second read.
    const own = new Set(
      registry.routing
        .services()
        .filter((s) => ownsService(caller, s.zoneIds))
        .map((s) => s.name),
    );
    return records.filter((record) => record.actor === caller.subject || (record.serviceName !== null && own.has(record.serviceName))).map(toChangeView);
  }
}

/** A zone system's own services: those whose every zone it holds. */
export function ownsService(caller: Principal, zoneIds: readonly string[]): boolean {
  return hasRole(caller, 'ADMIN') || (zoneIds.length > 0 && zoneIds.every((id) => caller.zoneIds.includes(id)));
}
