import type { Principal } from '@devzone/auth';
import { MutableZoneServiceRegistry, type RegistryChangeOutcome, type RegistryService, type RegistryState, type ServiceRegistration } from '@devzone/registry';
import type { DataSource } from 'typeorm';
import { DirectoryZoneRow } from '../db/entities';

/**
 * The registry as the province runs it: the checked changes of `RegistryService`, plus
 * what the province itself keeps of an accepted state — the shard map its own reads
 * route by, and the directory entries of the zones registered.
 */
export class ProvinceRegistry {
  readonly routing = new MutableZoneServiceRegistry();

  constructor(
    readonly service: RegistryService,
    private readonly dataSource: DataSource,
  ) {}

  /** Loads the accepted state into the shard map (at start). */
  async load(): Promise<void> {
    this.follow(await this.service.latestState());
  }

  async register(payload: ServiceRegistration, actor: Principal, options: { force?: boolean; moveZones?: readonly string[] }): Promise<RegistryChangeOutcome> {
    return this.afterChange(await this.service.register(payload, actor, options), payload);
  }

  async update(payload: ServiceRegistration, actor: Principal, options: { force?: boolean; moveZones?: readonly string[] }): Promise<RegistryChangeOutcome> {
    return this.afterChange(await this.service.update(payload, actor, options), payload);
  }

  async deregister(name: string, actor: Principal, options: { force?: boolean }): Promise<RegistryChangeOutcome> {
    return this.afterChange(await this.service.deregister(name, actor, options));
  }

  async rollback(toVersion: number, actor: Principal): Promise<RegistryChangeOutcome> {
    return this.afterChange(await this.service.rollback(toVersion, actor));
  }

  async recompose(actor: Principal): Promise<RegistryChangeOutcome> {
    return this.afterChange(await this.service.recompose(actor));
  }

  health(): ReturnType<RegistryService['health']> {
    return this.service.health();
  }

  status(): ReturnType<RegistryService['status']> {
    return this.service.status();
  }

  history(filter: Parameters<RegistryService['history']>[0]): ReturnType<RegistryService['history']> {
    return this.service.history(filter);
  }

  private async afterChange(outcome: RegistryChangeOutcome, registration?: ServiceRegistration): Promise<RegistryChangeOutcome> {
    if (outcome.outcome !== 'accepted') return outcome;
    if (registration) await this.writeDirectory(registration);
    this.follow(outcome.state);
    return outcome;
  }

  private follow(state: RegistryState | null): void {
    this.routing.replace((state?.services ?? []).map((service) => ({ name: service.name, url: service.url, zoneIds: service.zones.map((zone) => zone.id) })));
  }

  /** A registered zone's directory entry: created, or updated with what its zone system now states. */
  private async writeDirectory(registration: ServiceRegistration): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DirectoryZoneRow)
      .values(
        registration.zones.map((zone) => ({
          id: zone.id,
          provinceCode: zone.provinceCode,
          nameZh: zone.nameZh,
          nameEn: zone.nameEn,
          city: zone.city ?? null,
          level: zone.level,
          sourceDocument: null,
          sourcePassage: null,
        })),
      )
      .orUpdate(['province_code', 'name_zh', 'name_en', 'city', 'level'], ['id'])
      .execute();
  }
}
