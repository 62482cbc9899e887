import { hasRole, type Principal } from '@devzone/auth';
import { commonZonesSdl } from './contract';
import { RegistryVersionConflict, type ChangeDraft, type HistoryFilter, type PgRegistryStore } from './pgRegistryStore';
import { checkRegistration, serviceNameSchema } from './registrationSchema';
import { authorizeAdministration, authorizeChange } from './service/authorizeChange';
import { claimZones } from './service/claimZones';
import { judgeCandidate } from './service/judgeCandidate';
import type { ChangeOptions, RegistryChangeOutcome, RegistryStatus } from './service/outcomes';
import { probeService } from './service/probeService';
import { registrationProblems } from './service/registrationProblems';
import { SerialQueue } from './service/serialQueue';
import type { ZoneServiceProbe } from './service/zoneServiceProbe';
import type {
  ClassifiedChange,
  RegisteredService,
  RegistryAction,
  RegistryChangeRecord,
  RegistryProblem,
  RegistryState,
  ServiceHealthReport,
  ServiceRegistration,
} from './types';

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

  /** What gateway replicas last saw of each service. */
  health(): Promise<ServiceHealthReport[]> {
    return this.store.health();
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
    const payloadProblems = checked.ok ? registrationProblems(checked.registration, moveZones, await this.knownProvinces?.()) : checked.problems;
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

  /** The candidate services judged (contract, composition, breaking changes), then accepted or refused. */
  private async decide(attempt: Attempt, services: readonly RegisteredService[], breaking: BreakingPolicy): Promise<RegistryChangeOutcome> {
    const judged = await judgeCandidate(services, {
      province: this.province,
      servedSupergraphSdl: attempt.current?.supergraphSdl ?? null,
      breakingAllowed: breaking === 'report' || (attempt.force && hasRole(attempt.actor, 'ADMIN')),
    });
    if (!judged.ok) return this.refuse(attempt, judged.problems, judged);

    const draft = this.draft(attempt, [], judged);
    if (attempt.action === 'recompose' && attempt.current?.supergraphHash === judged.supergraphHash) {
      return { outcome: 'accepted', state: attempt.current, change: await this.store.recordUnchanged(draft), changes: [] };
    }
    try {
      const state = { services, supergraphSdl: judged.supergraphSdl, supergraphHash: judged.supergraphHash, acceptedAt: this.now() };
      return { outcome: 'accepted', ...(await this.store.accept(state, draft)), changes: judged.changes };
    } catch (error) {
      if (!(error instanceof RegistryVersionConflict)) throw error;
      return this.refuse(attempt, [{ check: 'concurrency', message: error.message }], judged);
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
