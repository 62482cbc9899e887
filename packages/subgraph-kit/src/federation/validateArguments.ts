import { ERRORS } from '@devzone/errors';
import { validate, type ValidationError } from 'class-validator';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

async function validateAt(argValue: unknown, prefix: string): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    const problem = firstProblem(await validate(value as object, { forbidUnknownValues: false }), prefix);
    if (problem) throw ERRORS.BAD_USER_INPUT.err(`${problem.field}: ${problem.message}`, { field: problem.field });
  }
}

/**
 * Validates GraphQL arguments with their class-validator rules and answers a
 * BAD_USER_INPUT error that names the field (`first: first must not be greater than 500`).
 */
export async function validateArguments(argValue: unknown): Promise<void> {
  await validateAt(argValue, '');
}

/**
 * The same for one named input argument (`@Arg('input', ..., { validateFn: validateArgumentNamed('input') })`),
 * so that errors name the field from the argument down: `input.robustness.seed`.
 */
export function validateArgumentNamed(name: string): (argValue: unknown) => Promise<void> {
  return (argValue) => validateAt(argValue, name);
}
