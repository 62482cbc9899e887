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
    'A zone service failed, timed out, answered garbage or could not use its database; `extensions.zoneId` and `extensions.service` name it (`service: "province"` and no `zoneId` for the province). When the service answered errors instead of the zone, `extensions.serviceCodes` lists their codes (e.g. `GRAPHQL_VALIDATION_FAILED`: the service does not know a field asked). The message never quotes the database driver. Other zones still answer.',
  ),
  ZONE_NOT_ROUTED: makeCodeDefinition('ZONE_NOT_ROUTED', 'No registered zone service hosts the zone carried in an entity key; `extensions.zoneId` names it.'),
  ZONE_NOT_HOSTED: makeCodeDefinition('ZONE_NOT_HOSTED', 'A zone service was asked for an entity of a zone it does not host (a routing or registry mismatch).'),
  SERVICE_UNAVAILABLE: makeCodeDefinition(
    'SERVICE_UNAVAILABLE',
    'A part of the platform this operation needs is not running in this deployment (e.g. the runtime registry when the province runs with a static ZONE_SERVICES list); the message says which. Nothing was changed.',
  ),
  UNAUTHENTICATED: makeCodeDefinition('UNAUTHENTICATED', 'The request carries no valid credential (missing, malformed, expired, revoked or wrongly signed).'),
  FORBIDDEN: makeCodeDefinition('FORBIDDEN', 'The credential is valid but its role or scope does not allow this operation or this data.'),
  LIMIT_EXCEEDED: makeCodeDefinition(
    'LIMIT_EXCEEDED',
    'The operation was refused before execution: `extensions.limit` names the limit (`depth`, `aliases`, `rootFields`, `tokens`, `directives`, `operationName`, `listSize`, `cost`), `extensions.max` its value and `extensions.actual` what the operation asked (`extensions.field` the argument, for `listSize`). No subgraph was asked. The limits are in docs/security.md.',
  ),
  RATE_LIMITED: makeCodeDefinition(
    'RATE_LIMITED',
    'Too many requests from this client (HTTP 429); the `Retry-After` header and `extensions.retryAfterSeconds` say when to try again.',
  ),
  BAD_REQUEST: makeCodeDefinition(
    'BAD_REQUEST',
    'The HTTP request is not a GraphQL request: malformed JSON, a content type other than `application/json`, a body over the size limit (HTTP 413), a missing `query`, or a request refused by CSRF prevention.',
  ),
  GRAPHQL_PARSE_FAILED: makeCodeDefinition('GRAPHQL_PARSE_FAILED', 'The operation is not syntactically valid GraphQL.'),
  GRAPHQL_VALIDATION_FAILED: makeCodeDefinition(
    'GRAPHQL_VALIDATION_FAILED',
    'The operation does not validate against the schema (unknown field, wrong argument type...).',
  ),
  OPERATION_RESOLUTION_FAILURE: makeCodeDefinition(
    'OPERATION_RESOLUTION_FAILURE',
    'The document holds no operation named by `operationName` (or several operations and no `operationName`); HTTP 400.',
  ),
  PERSISTED_QUERY_NOT_FOUND: makeCodeDefinition(
    'PERSISTED_QUERY_NOT_FOUND',
    'An automatic persisted query hash the gateway does not know yet: send the query text with it.',
  ),
  PERSISTED_QUERY_NOT_SUPPORTED: makeCodeDefinition('PERSISTED_QUERY_NOT_SUPPORTED', 'Persisted queries are not enabled where this request was sent.'),
  INTERNAL_SERVER_ERROR: makeCodeDefinition(
    'INTERNAL_SERVER_ERROR',
    'An unexpected failure. The message is masked ("Internal server error") and the detail goes to the gateway log under `extensions.requestId`; any error whose code is not in this registry is answered this way.',
  ),
} as const;

/** Whether a code is one of the registry's (an error with any other code leaves the gateway masked). */
export function isRegisteredCode(code: unknown): boolean {
  return typeof code === 'string' && definitions.some((definition) => definition.code === code);
}

export function allErrorCodes(): readonly ErrorCodeDefinition[] {
  return definitions;
}
