import type { GraphQLAnswerError, View, ViewAnswer } from './viewDefinition';

/** A view refused as a whole, answered as `{ "error": { code, message, parameter? } }` with `status`. */
export interface ViewError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** The query parameter at fault, when there is one. */
  readonly parameter?: string;
}

/** HTTP status of a view whose operation failed as a whole, by the error's code. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  LIMIT_EXCEEDED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  ZONE_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
};

const codeOf = (error: GraphQLAnswerError): string => {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

/** The index of the zone an error belongs to: its path is `[zoneList, i, ...]`. */
function zoneIndexOf(error: GraphQLAnswerError, zoneList: string | undefined): number | undefined {
  const [root, index] = error.path ?? [];
  return zoneList !== undefined && root === zoneList && typeof index === 'number' ? index : undefined;
}

/**
 * What a GraphQL answer (HTTP 200) means for a view: an invalid argument is the
 * caller's parameter (400 naming it); an error that no zone's row can carry refuses
 * the whole view; errors under a zone of the view's zone list stay, to mark that
 * zone's rows.
 */
export function readAnswer(
  view: View,
  parameterNames: readonly string[],
  data: Readonly<Record<string, unknown>> | null,
  errors: readonly GraphQLAnswerError[],
): { readonly answer: ViewAnswer<unknown> } | { readonly error: ViewError } {
  const badInput = errors.find((error) => codeOf(error) === 'BAD_USER_INPUT');
  if (badInput) {
    const parameter = parameterOf(badInput, parameterNames);
    return { error: { status: 400, code: 'BAD_USER_INPUT', message: badInput.message, ...(parameter ? { parameter } : {}) } };
  }
  const whole = data === null ? errors[0] : errors.find((error) => zoneIndexOf(error, view.zoneList) === undefined);
  if (whole || data === null) {
    const code = whole ? codeOf(whole) : 'INTERNAL_SERVER_ERROR';
    return { error: { status: STATUS_BY_CODE[code] ?? 502, code, message: whole?.message ?? 'The gateway answered without data or errors' } };
  }
  return { answer: { data, errors } };
}

/** The parameter an argument error names (`extensions.field`, or its last segment: `filter.industry` is `industry`). */
function parameterOf(error: GraphQLAnswerError, parameterNames: readonly string[]): string | undefined {
  const field = error.extensions?.field;
  if (typeof field !== 'string') return undefined;
  const last = field
    .split(/[.[\]]/)
    .filter(Boolean)
    .pop();
  return [field, last].find((name): name is string => name !== undefined && parameterNames.includes(name));
}

/** The message of every zone of the zone list that has errors, by the zone's index. */
export function failuresByZoneIndex(errors: readonly GraphQLAnswerError[], zoneList: string): Map<number, string> {
  const failures = new Map<number, string>();
  for (const error of errors) {
    const index = zoneIndexOf(error, zoneList);
    if (index === undefined) continue;
    const before = failures.get(index);
    failures.set(index, before === undefined ? error.message : `${before}; ${error.message}`);
  }
  return failures;
}
