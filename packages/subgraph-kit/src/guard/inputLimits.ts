import { ERRORS } from '@devzone/errors';
import { GraphQLError, getNullableType, isInputObjectType, isListType, isScalarType, type GraphQLInputType } from 'graphql';

/** Longest ID any argument may carry: every id of the platform is far shorter (zone ids 63, UUIDs 36). */
export const MAX_ID_LENGTH = 200;
/** Longest String any argument may carry: titles, labels, search text and codes are all far shorter. */
export const MAX_STRING_LENGTH = 2000;

/**
 * Checks one string before it reaches SQL: PostgreSQL cannot store or compare
 * U+0000, and an overlong value is never meaningful. The message names the
 * argument and never echoes the value.
 */
export function checkString(field: string, value: string, maxLength: number): GraphQLError | null {
  if (value.includes('\u0000')) return ERRORS.BAD_USER_INPUT.err(`${field}: must not contain the NUL character (U+0000)`, { field });
  if (value.length > maxLength) return ERRORS.BAD_USER_INPUT.err(`${field}: at most ${maxLength} characters (got ${value.length})`, { field });
  return null;
}

/** The first problem of an argument value of `type`, through lists and input objects, named by its path (`filter.nameContains`, `ids[1]`). */
export function checkInputValue(field: string, value: unknown, type: GraphQLInputType): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return checkInputValue(field, value, nullable.ofType);
    for (const [index, item] of value.entries()) {
      const problem = checkInputValue(`${field}[${index}]`, item, nullable.ofType);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    for (const [name, inputField] of Object.entries(nullable.getFields())) {
      const problem = checkInputValue(`${field}.${name}`, (value as Record<string, unknown>)[name], inputField.type);
      if (problem) return problem;
    }
    return null;
  }
  if (isScalarType(nullable) && typeof value === 'string') {
    if (nullable.name === 'ID') return checkString(field, value, MAX_ID_LENGTH);
    if (nullable.name === 'String') return checkString(field, value, MAX_STRING_LENGTH);
  }
  return null;
}
