import { ERRORS, fieldPath } from '@devzone/errors';
import type { GraphQLError } from 'graphql';
import type { z } from 'zod';

/** One thing wrong with one record, named by its field (`creditCode`, `enterprises[2]`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

/**
 * BAD_USER_INPUT for a refused mutation: the message lists every problem under
 * the argument's path (`input.creditCode: …; input.nameZh: …`), `extensions.field`
 * names the first and `extensions.problems` holds them all. Nothing was written.
 */
export function refusedInput(problems: readonly FieldProblem[], rename: (field: string) => string): GraphQLError {
  const named = problems.map((p) => ({ field: rename(p.field), message: p.message }));
  return ERRORS.BAD_USER_INPUT.err(named.map((p) => `${p.field}: ${p.message}`).join('; '), { field: named[0]?.field, problems: named });
}
