import { GraphQLError } from 'graphql';

/**
 * One registry of the error codes the platform emits in `extensions.code`
 * (the pattern of apollographql/federation internals-js/src/error.ts).
 * docs/errors.md is generated from this list by `pnpm docs:errors`.
 */
export interface ErrorCodeDefinition {
  readonly code: string;
  readonly description: string;
  err(message: string, extensions?: Record<string, unknown>): GraphQLError;
}

const definitions: ErrorCodeDefinition[] = [];

export function makeCodeDefinition(code: string, description: string): ErrorCodeDefinition {
  const definition: ErrorCodeDefinition = {
    code,
    description,
    err: (message, extensions = {}) => new GraphQLError(message, { extensions: { ...extensions, code } }),
  };
  definitions.push(definition);
  return definition;
}

export const ERRORS = {
  BAD_USER_INPUT: makeCodeDefinition('BAD_USER_INPUT', 'An argument or input field is invalid; `extensions.field` names it and nothing was written.'),
  NOT_FOUND: makeCodeDefinition(
    'NOT_FOUND',
    'No record has the given id: the lookup (`zone`, `enterprise`, `partyOrganization`) is null whatever fields were selected, and the message and `extensions.id` give the id. A malformed id is `BAD_USER_INPUT` instead; a zone service that cannot say is `ZONE_UNAVAILABLE`, never `NOT_FOUND`.',
  ),
  ZONE_UNAVAILABLE: makeCodeDefinition(
    'ZONE_UNAVAILABLE',
    'A zone service failed, timed out or answered garbage; `extensions.zoneId` and `extensions.service` name it. Other zones still answer.',
  ),
  ZONE_NOT_ROUTED: makeCodeDefinition('ZONE_NOT_ROUTED', 'No registered zone service hosts the zone carried in an entity key; `extensions.zoneId` names it.'),
  ZONE_NOT_HOSTED: makeCodeDefinition('ZONE_NOT_HOSTED', 'A zone service was asked for an entity of a zone it does not host (a routing or registry mismatch).'),
} as const;

export function allErrorCodes(): readonly ErrorCodeDefinition[] {
  return definitions;
}
