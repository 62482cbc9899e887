import { hasRole, type Principal } from '@devzone/auth';
import type { ClassifiedChange, RegistryChangeRecord, RegistryProblem, ServiceHealthReport, ServiceRegistration } from '@devzone/registry';
import type { RegistryChangeOutcome, RegistryStatus } from '@devzone/registry';
import { summarizeServiceHealth } from '../registry/serviceHealthSummary';
import { ownsService } from './resolvers/registry.resolver';
import {
  RegisteredZoneServiceView,
  RegistryChangeResult,
  RegistryChangeView,
  RegistryOutcome,
  RegistryProblemView,
  RegistryStatusView,
  SchemaChangeView,
  ServiceContactView,
  ServiceHealthView,
  type ZoneServiceRegistrationInput,
} from './types/registry.types';

/** The GraphQL input as the registry's payload: plain objects, unset fields left out (the registry validates the values). */
export function plainRegistration(input: ZoneServiceRegistrationInput): ServiceRegistration {
  return JSON.parse(JSON.stringify(input)) as ServiceRegistration;
}

const problemView = (problem: RegistryProblem): RegistryProblemView =>
  Object.assign(new RegistryProblemView(), { check: problem.check, path: problem.path ?? null, message: problem.message });

const changeView = (change: ClassifiedChange): SchemaChangeView =>
  Object.assign(new SchemaChangeView(), { criticality: change.criticality, type: change.type, path: change.path ?? null, message: change.message });

export function toChangeResult(outcome: RegistryChangeOutcome): RegistryChangeResult {
  const { change } = outcome;
  return Object.assign(new RegistryChangeResult(), {
    outcome: outcome.outcome === 'accepted' ? RegistryOutcome.ACCEPTED : RegistryOutcome.REFUSED,
    changeId: change.id,
    version: change.stateVersion,
    supergraphHash: change.supergraphHash,
    problems: change.problems.map(problemView),
    changes: change.changes.map(changeView),
  });
}

export function toChangeView(record: RegistryChangeRecord): RegistryChangeView {
  return Object.assign(new RegistryChangeView(), {
    id: record.id,
    at: record.at,
    actor: record.actor,
    action: record.action,
    service: record.serviceName,
    outcome: record.outcome === 'accepted' ? RegistryOutcome.ACCEPTED : RegistryOutcome.REFUSED,
    problems: record.problems.map(problemView),
    changes: record.changes.map(changeView),
    version: record.stateVersion,
    supergraphHash: record.supergraphHash,
    forced: record.forced,
    payload: JSON.stringify(record.payload),
  });
}

const healthView = (report: ServiceHealthReport): ServiceHealthView =>
  Object.assign(new ServiceHealthView(), {
    replica: report.replica,
    state: report.state,
    lastSeen: report.lastSeen,
    checkedAt: report.checkedAt,
    detail: report.detail,
  });

/** The status as `caller` may see it: administrators every service, a zone system its own. */
export function toStatusView(status: RegistryStatus, caller: Principal): RegistryStatusView {
  const visible = status.services.filter(
    (service) =>
      hasRole(caller, 'ADMIN') ||
      ownsService(
        caller,
        service.zones.map((zone) => zone.id),
      ),
  );
  return Object.assign(new RegistryStatusView(), {
    version: status.version,
    supergraphHash: status.supergraphHash,
    acceptedAt: status.acceptedAt,
    services: visible.map((service) => {
      const health = status.health.filter((report) => report.serviceName === service.name);
      return Object.assign(new RegisteredZoneServiceView(), {
        name: service.name,
        url: service.url,
        contact: Object.assign(new ServiceContactView(), {
          name: service.contact.name,
          email: service.contact.email ?? null,
          phone: service.contact.phone ?? null,
        }),
        zoneIds: service.zones.map((zone) => zone.id),
        registeredBy: service.registeredBy,
        updatedAt: service.updatedAt,
        lacking: [...service.lacking],
        state: summarizeServiceHealth(health).state,
        health: health.map(healthView),
      });
    }),
  });
}
