import { ERRORS } from '@devzone/errors';
import { validate, type ValidationError } from 'class-validator';
import { BREAK, visit, type FieldNode, type GraphQLResolveInfo } from 'graphql';

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
 * Arguments already found valid, per field of a document and per request's variables: a field
 * under a list (a hundred zones' `indicators(codes:)` in one `_entities` batch) gets the same
 * arguments for every item, so class-validator runs once per field and request, not per item.
 * A field whose arguments are all literals (as the gateway's fetches of `indicators(codes: [...])`
 * are) gets the same values in every request of that parsed document: checked once per document.
 * Only successes are kept: an error is raised afresh for each item, located at its own path.
 */
/** Per field node: one set for every request where its arguments are literals, else one per request's variables. */
type ValidArguments = { readonly everyRequest: Set<string> } | { readonly perRequest: WeakMap<object, Set<string>> };
const validArguments = new WeakMap<FieldNode, ValidArguments>();

function argumentsUseVariables(fieldNode: FieldNode): boolean {
  let uses = false;
  for (const argument of fieldNode.arguments ?? []) {
    visit(argument.value, {
      Variable() {
        uses = true;
        return BREAK;
      },
    });
  }
  return uses;
}

function validKeysFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'> | undefined): Set<string> | undefined {
  const fieldNode = info?.fieldNodes[0];
  if (!fieldNode || !info.variableValues) return undefined;
  let valid = validArguments.get(fieldNode);
  if (!valid) {
    valid = argumentsUseVariables(fieldNode) ? { perRequest: new WeakMap() } : { everyRequest: new Set() };
    validArguments.set(fieldNode, valid);
  }
  if ('everyRequest' in valid) return valid.everyRequest;
  let keys = valid.perRequest.get(info.variableValues);
  if (!keys) valid.perRequest.set(info.variableValues, (keys = new Set()));
  return keys;
}

/**
 * Validates GraphQL arguments with their class-validator rules and answers a
 * BAD_USER_INPUT error that names the field (`first: first must not be greater than 500`).
 * `resolverData` (type-graphql's third argument) lets equal arguments of one field be checked once per
 * request, or once per document where they are literals.
 */
export async function validateArguments(argValue: unknown, _argType?: unknown, resolverData?: { info?: GraphQLResolveInfo }): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const validKeys = validKeysFor(resolverData?.info);
  // The arguments' values with their class: two parameters of one field differ in one or the other.
  const key = validKeys ? `${argValue.constructor.name}:${JSON.stringify(argValue)}` : '';
  if (validKeys?.has(key)) return;
  await validateAt(argValue, '');
  validKeys?.add(key);
}

/**
 * The same for one named input argument (`@Arg('input', ..., { validateFn: validateArgumentNamed('input') })`),
 * so that errors name the field from the argument down: `input.robustness.seed`.
 */
export function validateArgumentNamed(name: string): (argValue: unknown) => Promise<void> {
  return (argValue) => validateAt(argValue, name);
}
