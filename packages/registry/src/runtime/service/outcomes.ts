import type { DifferingCoordinate } from '../contract';
import type { ClassifiedChange, RegisteredService, RegistryChangeRecord, RegistryProblem, RegistryState, ServiceHealthReport } from '../types';

/** What a registry change came to; either way it is in the history as `change`. */
export type RegistryChangeOutcome =
  | {
      readonly outcome: 'accepted';
      readonly state: RegistryState;
      readonly change: RegistryChangeRecord;
      /** What clients see change, as served before against as served now. */
      readonly changes: readonly ClassifiedChange[];
    }
  | { readonly outcome: 'refused'; readonly problems: readonly RegistryProblem[]; readonly change: RegistryChangeRecord };

export interface ChangeOptions {
  /** Accept breaking changes to the served schema (administrators only). */
  readonly force?: boolean;
  /** Zones another service hosts that move to this one in the same state. */
  readonly moveZones?: readonly string[];
}

/** A registered service as the status shows it: its registration and what it holds back of the served schema. */
export interface ServiceStatus extends Omit<RegisteredService, 'sdl'> {
  /** Coordinates other services serve and this one lacks (`Zone.newField`): kept out of the served schema until it has them. */
  readonly lacking: readonly string[];
}

export interface RegistryStatus {
  /** The served state's version; null before anything was accepted. */
  readonly version: number | null;
  readonly supergraphHash: string | null;
  readonly acceptedAt: string | null;
  readonly services: readonly ServiceStatus[];
  /** Coordinates every service has but defines differently, also kept out until they agree. */
  readonly differing: readonly DifferingCoordinate[];
  /** What gateway replicas last saw of each service. */
  readonly health: readonly ServiceHealthReport[];
}
