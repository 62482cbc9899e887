import type { GraphQLFormattedError } from 'graphql';
import { checkEntityIds } from './entityIdCheck';
import type { FailedCall } from './guardedCall';
import { codesOfErrors } from './serviceCodes';
import type { SubgraphAnswer } from './subgraphAnswer';

/** What one service's part of an `_entities` request came back as. */
export type PartOutcome =
  { readonly status: 'answered'; readonly entities: readonly unknown[]; readonly errors: readonly GraphQLFormattedError[] } | FailedCall;

/**
 * Accepts a service's answer only if `data._entities` is an array with one entry per
 * representation sent (the gateway merges entities by position) and each entity is
 * the one asked at its position (`checkEntityIds`): otherwise none of it is used. An answer
 * of errors without entities is refused with the codes of those errors (`serviceCodes`): a
 * service that does not know a field answers `GRAPHQL_VALIDATION_FAILED`.
 */
export function readEntitiesAnswer(response: SubgraphAnswer, representations: readonly unknown[]): PartOutcome {
  const errors = response.errors ?? [];
  const entities: unknown = response.data?._entities;
  if (!Array.isArray(entities)) {
    const said = errors.length > 0 ? `: ${errors.map((error) => error.message).join('; ')}` : '';
    const serviceCodes = codesOfErrors(errors);
    return { status: 'failed', reason: `answered no data._entities${said}`, ...(serviceCodes.length > 0 ? { serviceCodes } : {}) };
  }
  if (entities.length !== representations.length) {
    return { status: 'failed', reason: `answered ${entities.length} entities for ${representations.length} representations` };
  }
  const checked = checkEntityIds(entities, representations);
  if (checked.status === 'failed') return checked;
  return { status: 'answered', entities: checked.entities, errors };
}
