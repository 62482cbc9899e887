import { hasRole, type Principal } from '@devzone/auth';
import { composeZonesSupergraph } from './composeZonesSupergraph';
import { classifySupergraphChange, commonZonesSdl } from './contract';
import { RegistryVersionConflict, type ChangeDraft, type HistoryFilter, type PgRegistryStore } from './pgRegistryStore';
import { checkRegistration, serviceNameSchema } from './registrationSchema';
import { authorizeAdministration, authorizeChange } from './service/authorizeChange';
import { claimZones } from './service/claimZones';
import type { ChangeOptions, RegistryChangeOutcome, RegistryStatus } from './service/outcomes';
import { probeService } from './service/probeService';
import { SerialQueue } from './service/serialQueue';
import type { ZoneServiceProbe } from './service/zoneServiceProbe';
import { supergraphHash } from './supergraphHash';
import type { ClassifiedChange, RegisteredService, RegistryAction, RegistryChangeRecord, RegistryProblem, RegistryState, ServiceRegistration } from './types';

export interface RegistryServiceOptions {
  readonly store: PgRegistryStore;
  readonly probe: ZoneServiceProbe;
  /** The province subgraph as it serves now: its URL and SDL. */
  readonly province: () => Promise<{ readonly url: string; readonly sdl: string }>;
  /** Province codes a zone may name; any lowercase code when not given. */
  readonly knownProvinces?: () => Promise<readonly string[]>;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** One change being tried: what the history records of it, whatever it comes to. */
interface Attempt {
  readonly action: RegistryAction;
  readonly actor: Principal;
  readonly serviceName: string | null;
  readonly payload: unknown;
  readonly force: boolean;
  readonly current: RegistryState | null;
}

/** How breaking changes are treated: refused unless forced by an administrator, or reported only (rollback, recompose). */
type BreakingPolicy = 'refuse-unless-forced' | 'report';

/**
 * The runtime registry's writer. Every change goes through the checks in order (payload,
 * authorization, claims, reachability, probe, contract, composition), each stage listing all
 * its problems before refusing; a refusal leaves the served state as it was. Accepted or
 * refused, every attempt is recorded. Changes run one at a time here, and across processes
 * the store's lock and version check refuse a change whose checks another change overtook.
 */
export class RegistryService {
  private readonly store: PgRegistryStore;
  private readonly probe: ZoneServiceProbe;
  private readonly province: RegistryServiceOptions['province'];
  private readonly knownProvinces: RegistryServiceOptions['knownProvinces'];
  private readonly now: () => Date;
  private readonly queue = new SerialQueue();

  constructor({ store, probe, province, knownProvinces, now = () => new Date() }: RegistryServiceOptions) {
    this.store = store;
    this.probe = probe;
    this.province = province;
    this.knownProvinces = knownProvinces;
    this.now = now;
  }

  /** Registers a new service (its name must be new). */
  register(payload: unknown, actor: Principal, options: ChangeOptions = {}): Promise<RegistryChangeOutcome> {
    return this.queue.run(() => this.changeRegistration('register', payload, actor, options));
  }

  /** Updates a registered service; zones in `moveZones` move to it from the services hosting them. */
  update(payload: unknown, actor: Principal, options: ChangeOptions = {}): Promise<RegistryChangeOutcome> {
    return this.queue.run(() => this.changeRegistration('update', payload, actor, options));
  }

  deregister(name: string, actor: Principal, { force = false }: { force?: boolean } = {}): Promise<RegistryChangeOutcome> {
    return this.queue.run(async () => {
      const current = await this.store.latestState();
      const attempt: Attempt = { action: 'deregister', actor, serviceName: typeof name === 'string' ? name : null, payload: { name }, force, current };
      const parsed = serviceNameSchema.safeParse(name);
      if (!parsed.success) return this.refuse(attempt, [{ check: 'payload', path: 'name', message: parsed.error.issues[0]!.message }]);
      const services = current?.services ?? [];
      const leaving = services.find((service) => service.name === name);
      const unauthorized = authorizeChange(actor, { hosted: leaving?.zones.map((zone) => zone.id) ?? [], serviceName: name, force });
      if (unauthorized.length > 0) return this.refuse(attempt, unauthorized);
      if (!leaving) return this.refuse(attempt, [{ check: 'claims', path: 'name', message: `no service named "${name}" is registered` }]);
      if (services.length === 1) {
        return this.refuse(attempt, [{ check: 'claims', path: 'name', message: `"${name}" is the last zone service: the zones subgraph needs at least one` }]);
      }
      return this.decide(
        attempt,
        services.filter((service) => service !== leaving),
        'refuse-unless-forced',
      );
    });
  }

  /** Serves again the services of an earlier state, as a new state composed with the province's current SDL (administrators only). */
  rollback(toVersion: number, actor: Principal): Promise<RegistryChangeOutcome> {
    return this.queue.run(async () => {
      const current = await this.store.latestState();
      const attempt: Attempt = { action: 'rollback', actor, serviceName: null, payload: { toVersion }, force: false, current };
      if (!Number.isSafeInteger(toVersion) || toVersion < 1)
        return this.refuse(attempt, [{ check: 'payload', path: 'toVersion', message: 'must be a positive whole number' }]);
      const unauthorized = authorizeAdministration(actor, 'rollback');
      if (unauthorized.length > 0) return this.refuse(attempt, unauthorized);
      const target = await this.store.state(toVersion);
      if (!target) return this.refuse(attempt, [{ check: 'payload', path: 'toVersion', message: `no accepted state has version ${toVersion}` }]);
      return this.decide(attempt, target.services, 'report');
    });
  }

  /** Composes the current services again with the province's current SDL (the province started with a new schema). No new state when the supergraph is unchanged. */
  recompose(actor: Principal): Promise<RegistryChangeOutcome> {
    return this.queue.run(async () => {
      const current = await this.store.latestState();
      const attempt: Attempt = { action: 'recompose', actor, serviceName: null, payload: {}, force: false, current };
      const unauthorized = authorizeAdministration(actor, 'recompose');
      if (unauthorized.length > 0) return this.refuse(attempt, unauthorized);
      if (!current) return this.refuse(attempt, [{ check: 'claims', message: 'nothing to recompose: no zone service is registered yet' }]);
      return this.decide(attempt, current.services, 'report');
    });
  }

  latestState(): Promise<RegistryState | null> {
    return this.store.latestState();
  }

  async status(): Promise<RegistryStatus> {
    const [state, health] = await Promise.all([this.store.latestState(), this.store.health()]);
    if (!state) return { version: null, supergraphHash: null, acceptedAt: null, services: [], differing: [], health };
    const common = commonZonesSdl(state.services.map(({ name, sdl }) => ({ name, sdl })));
    const lackingOf = new Map(common.lacking.map((entry) => [entry.service, entry.coordinates]));
    return {
      version: state.version,
      supergraphHash: state.supergraphHash,
      acceptedAt: state.acceptedAt,
      services: state.services.map(({ sdl: _sdl, ...service }) => ({ ...service, lacking: lackingOf.get(service.name) ?? [] })),
      differing: common.differing,
      health,
    };
  }

  history(filter: HistoryFilter = {}): Promise<RegistryChangeRecord[]> {
    return this.store.history(filter);
  }

  private async changeRegistration(action: 'register' | 'update', payload: unknown, actor: Principal, options: ChangeOptions): Promise<RegistryChangeOutcome> {
    const current = await this.store.latestState();
    const force = options.force ?? false;
    const moveZones = options.moveZones ?? [];
    const named = typeof payload === 'object' && payload !== null && 'name' in payload && typeof payload.name === 'string' ? payload.name : null;
    const attempt: Attempt = {
      action,
      actor,
      serviceName: named,
      payload: moveZones.length > 0 ? { registration: payload, moveZones } : payload,
      force,
      current,
    };

    const checked = checkRegistration(payload);
    const payloadProblems = checked.ok ? await this.payloadProblems(checked.registration, moveZones) : checked.problems;
    if (!checked.ok || payloadProblems.length > 0) return this.refuse(attempt, payloadProblems);
    const registration = checked.registration;

    const services = current?.services ?? [];
    const existing = services.find((service) => service.name === registration.name);
    const unauthorized = authorizeChange(actor, {
      claimed: registration.zones.map((zone) => zone.id),
      hosted: existing?.zones.map((zone) => zone.id) ?? [],
      serviceName: registration.name,
      moved: moveZones,
      force,
    });
    if (unauthorized.length > 0) return this.refuse(attempt, unauthorized);

    const probed = await this.claimsThenProbe(action, registration, existing, services, moveZones, actor);
    if (!probed.ok) return this.refuse(attempt, probed.problems);
    return this.decide(attempt, probed.services, 'refuse-unless-forced');
  }

  private async payloadProblems(registration: ServiceRegistration, moveZones: readonly string[]): Promise<RegistryProblem[]> {
    const problems: RegistryProblem[] = [];
    if (this.knownProvinces) {
      const known = await this.knownProvinces();
      registration.zones.forEach((zone, i) => {
        if (!known.includes(zone.provinceCode)) {
          problems.push({
            check: 'payload',
            path: `zones[${i}].provinceCode`,
            message: `unknown province "${zone.provinceCode}"; known: ${[...known].sort().join(', ')}`,
          });
        }
      });
    }
    const claimed = new Set(registration.zones.map((zone) => zone.id));
    moveZones.forEach((zoneId, i) => {
      if (!claimed.has(zoneId))
        problems.push({ check: 'payload', path: `moveZones[${i}]`, message: `zone "${zoneId}" is moved but not among the zones claimed` });
    });
    return problems;
  }

  private async claimsThenProbe(
    action: 'register' | 'update',
    registration: ServiceRegistration,
    existing: RegisteredService | undefined,
    services: readonly RegisteredService[],
    moveZones: readonly string[],
    actor: Principal,
  ): Promise<{ ok: true; services: readonly RegisteredService[] } | { ok: false; problems: readonly RegistryProblem[] }> {
    if (action === 'register' && existing) {
      return { ok: false, problems: [{ check: 'claims', path: 'name', message: `service "${registration.name}" is already registered: update it instead` }] };
    }
    if (action === 'update' && !existing) {
      return { ok: false, problems: [{ check: 'claims', path: 'name', message: `no service named "${registration.name}" is registered: register it first` }] };
    }
    // The SDL is filled in once the probe fetched it; claims are checked before anything is asked of the service.
    const registered: RegisteredService = { ...registration, sdl: '', registeredBy: actor.subject, updatedAt: this.now().toISOString() };
    const claimed = claimZones(services, registered, moveZones);
    if (claimed.problems.length > 0) return { ok: false, problems: claimed.problems };
    const probed = await probeService(this.probe, registration);
    if (!probed.ok) return probed;
    return { ok: true, services: claimed.services.map((service) => (service === registered ? { ...registered, sdl: probed.sdl } : service)) };
  }

  /** Contract, composition and classification of the candidate services, then accepted or refused. */
  private async decide(attempt: Attempt, services: readonly RegisteredService[], breaking: BreakingPolicy): Promise<RegistryChangeOutcome> {
    const common = commonZonesSdl(services.map(({ name, sdl }) => ({ name, sdl })));
    if (common.problems.length > 0) return this.refuse(attempt, common.problems);

    let province: { url: string; sdl: string };
    try {
      province = await this.province();
    } catch (error) {
      return this.refuse(attempt, [{ check: 'composition', path: 'province', message: `the province's own SDL is unavailable: ${(error as Error).message}` }]);
    }
    // Composition comes before the breaking-change check: only a composed supergraph can be compared with the served one.
    const composed = composeZonesSupergraph(province, common.sdl);
    if (composed.status === 'failed') return this.refuse(attempt, composed.problems);
    const hash = supergraphHash(composed.supergraphSdl);
    const changes = await classifySupergraphChange(attempt.current?.supergraphSdl ?? null, composed.supergraphSdl);

    const breakingChanges = changes.filter((change) => change.criticality === 'BREAKING');
    const forcedByAdmin = attempt.force && hasRole(attempt.actor, 'ADMIN');
    if (breaking === 'refuse-unless-forced' && breakingChanges.length > 0 && !forcedByAdmin) {
      const problems = breakingChanges.map((change) => ({
        check: 'contract',
        ...(change.path ? { path: change.path } : {}),
        message: `breaking change for clients: ${change.message} (an administrator may force it)`,
      }));
      return this.refuse(attempt, problems, { changes, supergraphHash: hash });
    }

    const draft = this.draft(attempt, [], { changes, supergraphHash: hash });
    if (attempt.action === 'recompose' && attempt.current?.supergraphHash === hash) {
      return { outcome: 'accepted', state: attempt.current, change: await this.store.recordUnchanged(draft), changes: [] };
    }
    try {
      const accepted = await this.store.accept({ services, supergraphSdl: composed.supergraphSdl, supergraphHash: hash, acceptedAt: this.now() }, draft);
      return { outcome: 'accepted', ...accepted, changes };
    } catch (error) {
      if (!(error instanceof RegistryVersionConflict)) throw error;
      return this.refuse(attempt, [{ check: 'concurrency', message: error.message }], { changes, supergraphHash: hash });
    }
  }

  private async refuse(
    attempt: Attempt,
    problems: readonly RegistryProblem[],
    candidate: { changes: readonly ClassifiedChange[]; supergraphHash: string | null } = { changes: [], supergraphHash: null },
  ): Promise<RegistryChangeOutcome> {
    const change = await this.store.refuse(this.draft(attempt, problems, candidate));
    return { outcome: 'refused', problems, change };
  }

  private draft(
    { action, actor, serviceName, payload, force, current }: Attempt,
    problems: readonly RegistryProblem[],
    candidate: { changes: readonly ClassifiedChange[]; supergraphHash: string | null },
  ): ChangeDraft {
    return {
      actor: actor.subject,
      action,
      serviceName,
      problems,
      changes: candidate.changes,
      forced: force,
      payload,
      checkedAgainst: current?.version ?? null,
      supergraphHash: candidate.supergraphHash,
      at: this.now(),
    };
  }
}
