import type {
  ClassifiedChange,
  RegisteredService,
  RegistryAction,
  RegistryChangeRecord,
  RegistryProblem,
  RegistryState,
  ServiceHealthReport,
  ServiceHealthState,
} from '../types';

/** The registry's rows as pg returns them (jsonb parsed, timestamptz as Date), and their shapes outside. */

export interface StateRow {
  version: number;
  services: RegisteredService[];
  supergraph_sdl: string;
  supergraph_hash: string;
  accepted_at: Date;
}

export interface ChangeRow {
  id: number;
  at: Date;
  actor: string;
  action: RegistryAction;
  service_name: string | null;
  outcome: 'accepted' | 'refused';
  problems: RegistryProblem[];
  changes: ClassifiedChange[];
  state_version: number | null;
  supergraph_hash: string | null;
  forced: boolean;
  payload: unknown;
}

export interface HealthRow {
  service_name: string;
  replica: string;
  state: ServiceHealthState;
  last_seen: Date | null;
  checked_at: Date;
  detail: string | null;
}

export function stateOf(row: StateRow): RegistryState {
  return {
    version: row.version,
    services: row.services,
    supergraphSdl: row.supergraph_sdl,
    supergraphHash: row.supergraph_hash,
    acceptedAt: row.accepted_at.toISOString(),
  };
}

export function changeOf(row: ChangeRow): RegistryChangeRecord {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    serviceName: row.service_name,
    outcome: row.outcome,
    problems: row.problems,
    changes: row.changes,
    stateVersion: row.state_version,
    supergraphHash: row.supergraph_hash,
    forced: row.forced,
    payload: row.payload,
  };
}

export function healthOf(row: HealthRow): ServiceHealthReport {
  return {
    serviceName: row.service_name,
    replica: row.replica,
    state: row.state,
    lastSeen: row.last_seen?.toISOString() ?? null,
    checkedAt: row.checked_at.toISOString(),
    detail: row.detail,
  };
}

/**
 * The payload as sent, as JSON. jsonb cannot hold a NUL character, and what JSON cannot
 * hold at all is recorded as such: the attempt is recorded either way.
 */
export function storablePayload(payload: unknown): string {
  try {
    return JSON.stringify(payload ?? null, (_key, value: unknown) => (typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value)) ?? 'null';
  } catch (error) {
    return JSON.stringify({ unstorablePayload: (error as Error).message });
  }
}
