import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import type { SubgraphsOf } from './estimateCost';

/**
 * Reads from a supergraph (its `@join__type` and `@join__field` directives) which
 * subgraphs can resolve each field: the ones named by the field's non-external
 * `@join__field`s, else every subgraph that defines its type.
 */
export function subgraphOwnership(supergraphSdl: string | DocumentNode): SubgraphsOf {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const graphNames = new Map<string, string>();
  const owners = new Map<string, readonly string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = stringArgument(
          value.directives?.find((directive) => directive.name.value === 'join__graph'),
          'name',
        );
        if (name) graphNames.set(value.name.value, name);
      }
    }
  }
  const graphOf = (directive: ConstDirectiveNode): string | undefined => {
    const argument = directive.arguments?.find((candidate) => candidate.name.value === 'graph');
    return argument?.value.kind === Kind.ENUM ? (graphNames.get(argument.value.value) ?? argument.value.value) : undefined;
  };
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const typeGraphs = graphsOf(definition.directives, 'join__type', graphOf);
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((directive) => directive.name.value === 'join__field');
      const fieldGraphs = joins.filter((directive) => !booleanArgument(directive, 'external')).flatMap((directive) => graphOf(directive) ?? []);
      const withGraph = joins.some((directive) => graphOf(directive) !== undefined);
      owners.set(`${definition.name.value}.${field.name.value}`, withGraph ? unique(fieldGraphs) : typeGraphs);
    }
  }
  return (typeName, fieldName) => owners.get(`${typeName}.${fieldName}`) ?? [];
}

function graphsOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
  graphOf: (directive: ConstDirectiveNode) => string | undefined,
): string[] {
  return unique((directives ?? []).filter((directive) => directive.name.value === name).flatMap((directive) => graphOf(directive) ?? []));
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | undefined {
  const argument = directive?.arguments?.find((candidate) => candidate.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  return argument?.value.kind === Kind.BOOLEAN && argument.value.value;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
