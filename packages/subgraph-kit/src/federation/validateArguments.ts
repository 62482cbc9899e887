import { ERRORS } from '@devzone/errors';
import { validate, type ValidationError } from 'class-validator';
import { BREAK, visit, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/** The first broken rule of an argument, named from the argument down. */
interface Problem {
  readonly field: string;
  readonly message: string;
}

function firstProblem(errors: ValidationError[], prefix = ''): Problem | null {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

async function problemAt(argValue: object, prefix: string): Promise<Problem | null> {
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    const problem = firstProblem(await validate(value, { forbidUnknownValues: false }), prefix);
    if (problem) return problem;
  }
  return null;
}

/** Each caller throws an error of its own: graphql-js locates it at that caller's path. */
function refuse(problem: Problem | null): void {
  if (problem) throw ERRORS.BAD_USER_INPUT.err(`${problem.field}: ${problem.message}`, { field: problem.field });
}

/**
 * Argument checks, per field of a document and per request's variables: a field under a list
 * (a hundred zones' `indicators(codes:)` in one `_entities` batch) gets the same arguments for
 * every item, so class-validator runs once per field and request, not per item. graphql-js
 * resolves the items of a list together, so the items share the check in flight, not only a
 * finished one. A field whose arguments are all literals (as the gateway's fetches of
 * `indicators(codes: [...])` are) gets the same values in every request of that parsed
 * document: checked once per document. Only successes are kept: a failed check is dropped once
 * settled, and each item that shared it raises an error of its own.
 */
type ArgumentChecks = Map<string, Promise<Problem | null>>;
/** Per field node: one map for every request where its arguments are literals, else one per request's variables. */
type FieldChecks = { readonly everyRequest: ArgumentChecks } | { readonly perRequest: WeakMap<object, ArgumentChecks> };
const fieldChecks = new WeakMap<FieldNode, FieldChecks>();

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

function checksFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'> | undefined): ArgumentChecks | undefined {
  const fieldNode = info?.fieldNodes[0];
  if (!fieldNode || !info.variableValues) return undefined;
  let checks = fieldChecks.get(fieldNode);
  if (!checks) {
    checks = argumentsUseVariables(fieldNode) ? { perRequest: new WeakMap() } : { everyRequest: new Map() };
    fieldChecks.set(fieldNode, checks);
  }
  if ('everyRequest' in checks) return checks.everyRequest;
  let requestChecks = checks.perRequest.get(info.variableValues);
  if (!requestChecks) checks.perRequest.set(info.variableValues, (requestChecks = new Map()));
  return requestChecks;
}

/** The check of `argValue` under `key`: the one in flight or passed, else a new one (dropped once settled unless it passed). */
function sharedCheck(checks: ArgumentChecks, key: string, argValue: object): Promise<Problem | null> {
  const existing = checks.get(key);
  if (existing) return existing;
  const check = problemAt(argValue, '');
  checks.set(key, check);
  const forget = () => {
    if (checks.get(key) === check) checks.delete(key);
  };
  check.then((problem) => problem && forget(), forget);
  return check;
}

/**
 * Validates GraphQL arguments with their class-validator rules and answers a
 * BAD_USER_INPUT error that names the field (`first: first must not be greater than 500`).
 * `resolverData` (type-graphql's third argument) lets equal arguments of one field be checked once per
 * request, or once per document where they are literals.
 */
export async function validateArguments(argValue: unknown, _argType?: unknown, resolverData?: { info?: GraphQLResolveInfo }): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const checks = checksFor(resolverData?.info);
  if (!checks) return refuse(await problemAt(argValue, ''));
  // The arguments' values with their class: two parameters of one field differ in one or the other.
  const key = `${argValue.constructor.name}:${JSON.stringify(argValue)}`;
  refuse(await sharedCheck(checks, key, argValue));
}

/**
 * The same for one named input argument (`@Arg('input', ..., { validateFn: validateArgumentNamed('input') })`),
 * so that errors name the field from the argument down: `input.robustness.seed`.
 */
export function validateArgumentNamed(name: string): (argValue: unknown) => Promise<void> {
  return async (argValue) => {
    if (argValue !== null && typeof argValue === 'object') refuse(await problemAt(argValue, name));
  };
}
