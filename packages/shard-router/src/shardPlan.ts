import { zoneIdOf } from '@devzone/registry';
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** What the plan needs to know of a zone service. */
export interface ShardService {
  readonly name: string;
}

/** The representations of one `_entities` request that go to one service. */
export interface ShardPart<S extends ShardService> {
  readonly service: S;
  /** Index, in the original request, of each representation of this part (part order). */
  readonly originalIndices: readonly number[];
  readonly representations: readonly unknown[];
  /** Each zone of this part with the original index of its first representation. */
  readonly firstIndexOfZone: ReadonlyMap<string, number>;
}

/** A zone that no service hosts (zoneId `null`: the representation carries no string `id`). */
export interface UnroutedZone {
  readonly zoneId: string | null;
  readonly firstIndex: number;
}

export interface ShardPlan<S extends ShardService> {
  /** Number of representations in the original request. */
  readonly total: number;
  /** One part per service, in order of first appearance. */
  readonly parts: readonly ShardPart<S>[];
  readonly unrouted: readonly UnroutedZone[];
}

/** The zone an entity representation belongs to: the prefix of its global `id`. */
export function zoneOfRepresentation(representation: unknown): string | null {
  if (typeof representation !== 'object' || representation === null) return null;
  const id = (representation as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? zoneIdOf(id) : null;
}

interface PartBuilder<S extends ShardService> {
  service: S;
  originalIndices: number[];
  representations: unknown[];
  firstIndexOfZone: Map<string, number>;
}

/**
 * Splits the representations of one `_entities` request into one part per hosting
 * service, whatever the number of zones the service hosts.
 */
export function planShards<S extends ShardService>(representations: readonly unknown[], serviceForZone: (zoneId: string) => S | undefined): ShardPlan<S> {
  const parts = new Map<string, PartBuilder<S>>();
  const unrouted = new Map<string | null, UnroutedZone>();
  representations.forEach((representation, index) => {
    const zoneId = zoneOfRepresentation(representation);
    const service = zoneId === null ? undefined : serviceForZone(zoneId);
    if (zoneId === null || !service) {
      if (!unrouted.has(zoneId)) unrouted.set(zoneId, { zoneId, firstIndex: index });
      return;
    }
    let part = parts.get(service.name);
    if (!part) {
      part = { service, originalIndices: [], representations: [], firstIndexOfZone: new Map() };
      parts.set(service.name, part);
    }
    part.originalIndices.push(index);
    part.representations.push(representation);
    if (!part.firstIndexOfZone.has(zoneId)) part.firstIndexOfZone.set(zoneId, index);
  });
  return { total: representations.length, parts: [...parts.values()], unrouted: [...unrouted.values()] };
}

/**
 * The zone a mutation fetch changes, or why it names none: every root field of a zone
 * mutation carries a top-level `zoneId: ID!`, and one fetch may change one zone only.
 * `message` says which field is wrong and how.
 */
export type MutationZone = { readonly status: 'routed'; readonly zoneId: string } | { readonly status: 'refused'; readonly message: string };

interface ZoneArgument {
  readonly field: string;
  readonly zoneId: string;
}

/** Reads the `zoneId` argument (a literal or a variable) of every root field of `operationName` in `document`. */
export function mutationZoneOf(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): MutationZone {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION)
    return { status: 'refused', message: `The mutation has no operation${operationName ? ` named "${operationName}"` : ''}` };
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const zones: ZoneArgument[] = [];
  for (const field of rootFields(operation.selectionSet, fragments)) {
    const read = zoneArgumentOf(field, variables);
    if (typeof read === 'string') return { status: 'refused', message: read };
    zones.push(read);
  }
  const [first, ...others] = zones;
  if (!first) return { status: 'refused', message: 'The mutation selects no field that names a zone' };
  const other = others.find((zone) => zone.zoneId !== first.zoneId);
  if (other) {
    return {
      status: 'refused',
      message: `One mutation may change one zone only: "${first.field}" names zone "${first.zoneId}" and "${other.field}" names zone "${other.zoneId}"; send them as separate operations`,
    };
  }
  return { status: 'routed', zoneId: first.zoneId };
}

/** The root fields, through inline fragments and fragment spreads; `__typename` names no zone and is left out. */
function rootFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

/** The field's zone, or the message saying why it has none. */
function zoneArgumentOf(field: FieldNode, variables: Readonly<Record<string, unknown>>): ZoneArgument | string {
  // As the operation writes it: `a: renameZone` when aliased, so two uses of one field are told apart.
  const name = field.alias ? `${field.alias.value}: ${field.name.value}` : field.name.value;
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'zoneId');
  if (!argument) return `Mutation field "${name}" has no zoneId argument: every zone mutation names the zone it changes`;
  const zoneId = zoneIdValue(argument.value, variables);
  if (zoneId === undefined) {
    const given = argument.value.kind === Kind.VARIABLE ? `variable $${argument.value.name.value}` : 'value';
    return `The zoneId of mutation field "${name}" must be a zone id; its ${given} is not one`;
  }
  return { field: name, zoneId };
}

function zoneIdValue(value: ValueNode, variables: Readonly<Record<string, unknown>>): string | undefined {
  if (value.kind === Kind.STRING || value.kind === Kind.INT) return value.value === '' ? undefined : value.value;
  if (value.kind !== Kind.VARIABLE) return undefined;
  const given = variables[value.name.value];
  if (typeof given === 'number' && Number.isInteger(given)) return String(given);
  return typeof given === 'string' && given !== '' ? given : undefined;
}
