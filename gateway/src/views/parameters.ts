import {
  coerceInputValue,
  getNamedType,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  isInputType,
  isListType,
  isNonNullType,
  print,
  typeFromAST,
  valueFromAST,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import type { ParameterProblem, Variables } from './viewDefinition';

/** A view's parameter: one variable of its operation (or one it reads itself), as a query parameter. */
export interface ViewParameter {
  readonly name: string;
  readonly type: GraphQLInputType;
  /** The GraphQL type as written (`[String!]!`). */
  readonly typeName: string;
  /** Must be given: non-null and without a default. */
  readonly required: boolean;
  /** The default, when the operation declares one. */
  readonly defaultValue?: unknown;
  readonly description: string;
  /** Sent to the gateway as a variable (false: read by the view itself). */
  readonly sent: boolean;
}

const SCALARS_FROM_TEXT = new Set<string>([GraphQLString.name, GraphQLID.name, GraphQLInt.name, GraphQLFloat.name, GraphQLBoolean.name]);

/** The parameters of variable definitions, typed by the schema; an error for a type a query string cannot carry. */
export function viewParameters(
  definitions: readonly VariableDefinitionNode[],
  schema: GraphQLSchema,
  descriptions: Readonly<Record<string, string>>,
  sent: boolean,
): ViewParameter[] {
  return definitions.map((definition) => {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) throw new Error(`parameter ${name}: unknown type ${print(definition.type)}`);
    const named = getNamedType(type);
    if (!(named instanceof GraphQLEnumType) && !SCALARS_FROM_TEXT.has(named.name)) {
      throw new Error(`parameter ${name}: a query parameter cannot carry ${named.name} (use scalars, enums and lists of them)`);
    }
    const description = descriptions[name];
    if (description === undefined) throw new Error(`parameter ${name} has no description`);
    const defaultValue = definition.defaultValue ? valueFromAST(definition.defaultValue, type) : undefined;
    return {
      name,
      type,
      typeName: print(definition.type),
      required: isNonNullType(type) && defaultValue === undefined,
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      description,
      sent,
    };
  });
}

export type ReadVariables = { readonly variables: Variables } | { readonly problem: ParameterProblem };

/**
 * The variables of a request's query string, coerced by each parameter's GraphQL
 * type: lists as repeated parameters or comma-separated values, an empty value as
 * not given. Unknown parameters are refused, naming them.
 */
export function readVariables(query: URLSearchParams, parameters: readonly ViewParameter[]): ReadVariables {
  const known = new Set(parameters.map((p) => p.name));
  const unknown = [...new Set(query.keys())].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const takes = parameters.length > 0 ? `this view takes ${parameters.map((p) => p.name).join(', ')}` : 'this view takes none';
    return { problem: { parameter: unknown[0], message: `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${takes}` } };
  }
  const variables: Record<string, unknown> = {};
  for (const parameter of parameters) {
    const given = query.getAll(parameter.name).filter((value) => value !== '');
    if (given.length === 0) {
      if (parameter.required) return { problem: { parameter: parameter.name, message: `${parameter.name} is required (${parameter.typeName})` } };
      if (parameter.defaultValue !== undefined) variables[parameter.name] = parameter.defaultValue;
      continue;
    }
    const value = fromText(parameter, given);
    if ('problem' in value) return value;
    const problems: string[] = [];
    const coerced: unknown = coerceInputValue(value.value, parameter.type, (_path, _invalid, error) => problems.push(error.message));
    if (problems.length > 0) return { problem: { parameter: parameter.name, message: `${parameter.name}: ${problems[0]}` } };
    variables[parameter.name] = coerced;
  }
  return { variables };
}

/** The query-string text of a parameter as the JSON value its GraphQL type expects (coercion then checks it). */
function fromText(parameter: ViewParameter, given: readonly string[]): { value: unknown } | { problem: ParameterProblem } {
  const nullable = isNonNullType(parameter.type) ? parameter.type.ofType : parameter.type;
  const named = getNamedType(parameter.type) as GraphQLNamedInputType;
  const scalar = (text: string) => scalarFromText(parameter.name, named, text.trim());
  if (isListType(nullable)) {
    const items = given.flatMap((value) => value.split(',')).filter((item) => item.trim() !== '');
    const values: unknown[] = [];
    for (const item of items) {
      const value = scalar(item);
      if ('problem' in value) return value;
      values.push(value.value);
    }
    return { value: values };
  }
  if (given.length > 1) return { problem: { parameter: parameter.name, message: `${parameter.name} is given ${given.length} times; it takes one value` } };
  return scalar(given[0]);
}

function scalarFromText(parameter: string, type: GraphQLNamedInputType, text: string): { value: unknown } | { problem: ParameterProblem } {
  switch (type.name) {
    case GraphQLInt.name:
      return /^[+-]?\d+$/.test(text) ? { value: Number(text) } : { problem: { parameter, message: `${parameter}: "${text}" is not an integer` } };
    case GraphQLFloat.name: {
      const value = Number(text);
      return text !== '' && Number.isFinite(value) ? { value } : { problem: { parameter, message: `${parameter}: "${text}" is not a number` } };
    }
    case GraphQLBoolean.name:
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { problem: { parameter, message: `${parameter}: "${text}" is not true or false` } };
    default:
      return { value: text };
  }
}

/** Sends only the gateway's variables. */
export function sentVariables(variables: Variables, parameters: readonly ViewParameter[]): Record<string, unknown> {
  return Object.fromEntries(parameters.filter((p) => p.sent && p.name in variables).map((p) => [p.name, variables[p.name]]));
}
