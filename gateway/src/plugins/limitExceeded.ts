import { ERRORS } from '@devzone/errors';
import type { GraphQLError } from 'graphql';

/** The limits an operation is checked against before it runs (docs/security.md, "Limits"). */
export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'directives' | 'operationName' | 'listSize' | 'cost';

const LABELS: Record<LimitName, string> = {
  depth: 'depth',
  aliases: 'alias',
  rootFields: 'root-field',
  tokens: 'token',
  directives: 'directive',
  operationName: 'operation-name length',
  listSize: 'list-size',
  cost: 'cost',
};

/** A LIMIT_EXCEEDED error (HTTP 400) naming the limit, its value and what the operation asked. */
export function limitExceeded(limit: LimitName, max: number, actual: number, detail: Readonly<Record<string, string | number>> = {}): GraphQLError {
  const where = typeof detail.field === 'string' ? ` (${detail.field})` : '';
  return ERRORS.LIMIT_EXCEEDED.err(`The operation exceeds the ${LABELS[limit]} limit${where}: ${actual} where at most ${max} is allowed.`, {
    limit,
    max,
    actual,
    ...detail,
    http: { status: 400 },
  });
}
