import {
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
} from 'graphql';

export type TypeKind = 'object' | 'interface' | 'input' | 'enum' | 'union' | 'scalar';

export type TypeNodeOfSdl = TypeDefinitionNode | TypeExtensionNode;

/** One type of one service's SDL, its definition and every `extend` of it taken together. */
export interface TypeModel {
  readonly name: string;
  readonly kind: TypeKind;
  /** Fields, input fields, enum values or union members by name, each printed without descriptions. */
  readonly members: ReadonlyMap<string, string>;
  /** Per member, the named types it needs (its type and its arguments' types). */
  readonly references: ReadonlyMap<string, readonly string[]>;
  /** Input fields a client must send (non-null without a default). */
  readonly required: ReadonlySet<string>;
  readonly interfaces: ReadonlySet<string>;
  /** The type's own directives (`@key(...)`), printed in order. */
  readonly directives: string;
}

/** A service's subgraph SDL, parsed into what the shard contract compares. */
export interface SdlModel {
  readonly service: string;
  readonly document: DocumentNode;
  /**
   * The schema's `@link`s (and any other schema directive), printed and sorted: how a server prints them
   * (`schema @link(…) { query: Query }` or `extend schema @link(…)`) does not matter, nor the link spec's own link.
   */
  readonly schemaDirectives: string;
  readonly directiveDefinitions: ReadonlyMap<string, string>;
  readonly types: ReadonlyMap<string, TypeModel>;
  /** Types this SDL defines with two kinds (`type X` and `extend input X`). */
  readonly kindConflicts: readonly string[];
}

const KIND_OF: Partial<Record<Kind, TypeKind>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.OBJECT_TYPE_EXTENSION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'interface',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'input',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'enum',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.UNION_TYPE_EXTENSION]: 'union',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'scalar',
};

export function typeKindOf(node: DefinitionNode): TypeKind | undefined {
  return KIND_OF[node.kind];
}

/** Parses one service's SDL; throws GraphQL's syntax error when it does not parse. */
export function sdlModel(service: string, sdl: string): SdlModel {
  const document = parse(sdl, { noLocation: true });
  const schemaNodes: string[] = [];
  const directiveDefinitions = new Map<string, string>();
  const builders = new Map<string, TypeBuilder>();
  const kindConflicts: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      for (const directive of definition.directives ?? []) if (!isLinkSpecSelfLink(directive)) schemaNodes.push(print(directive));
    } else if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      directiveDefinitions.set(definition.name.value, printWithoutDescriptions(definition));
    } else {
      const kind = typeKindOf(definition);
      if (!kind || !('name' in definition) || !definition.name) continue;
      const name = definition.name.value;
      const builder = builders.get(name) ?? new TypeBuilder(name, kind);
      builders.set(name, builder);
      if (builder.kind !== kind) kindConflicts.push(name);
      else builder.add(definition as TypeNodeOfSdl);
    }
  }
  return {
    service,
    document,
    schemaDirectives: [...new Set(schemaNodes)].sort().join('\n'),
    directiveDefinitions,
    types: new Map([...builders].map(([name, builder]) => [name, builder.model()])),
    kindConflicts,
  };
}

class TypeBuilder {
  private readonly members = new Map<string, string>();
  private readonly references = new Map<string, readonly string[]>();
  private readonly required = new Set<string>();
  private readonly interfaces = new Set<string>();
  private readonly directives: string[] = [];

  constructor(
    readonly name: string,
    readonly kind: TypeKind,
  ) {}

  add(node: TypeNodeOfSdl): void {
    for (const directive of node.directives ?? []) this.directives.push(print(directive));
    if ('interfaces' in node) for (const face of node.interfaces ?? []) this.interfaces.add(face.name.value);
    if ('values' in node) for (const value of node.values ?? []) this.members.set(value.name.value, value.name.value);
    if (node.kind === Kind.UNION_TYPE_DEFINITION || node.kind === Kind.UNION_TYPE_EXTENSION) {
      for (const member of node.types ?? []) {
        this.members.set(member.name.value, member.name.value);
        this.references.set(member.name.value, [member.name.value]);
      }
    }
    if ('fields' in node) for (const field of node.fields ?? []) this.addField(field);
  }

  private addField(field: FieldDefinitionNode | InputValueDefinitionNode): void {
    const name = field.name.value;
    this.members.set(name, printWithoutDescriptions(field));
    const args = 'arguments' in field ? (field.arguments ?? []) : [];
    this.references.set(name, [namedType(field.type), ...args.map((arg) => namedType(arg.type))]);
    if (field.kind === Kind.INPUT_VALUE_DEFINITION && field.type.kind === Kind.NON_NULL_TYPE && !field.defaultValue) this.required.add(name);
  }

  model(): TypeModel {
    const { name, kind, members, references, required, interfaces } = this;
    return { name, kind, members, references, required, interfaces, directives: this.directives.join(' ') };
  }
}

export function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Descriptions are documentation: two services that word one differently still serve the same field. */
export function printWithoutDescriptions(node: ASTNode): string {
  return print(
    visit(node, {
      enter(visited) {
        if ('description' in visited && visited.description) return { ...visited, description: undefined };
        return undefined;
      },
    }),
  );
}

/** `@link(url: "https://specs.apollo.dev/link/v1.0")`: the link spec linking itself, which some servers print and others leave implicit. */
export function isLinkSpecSelfLink(directive: ConstDirectiveNode): boolean {
  if (directive.name.value !== 'link') return false;
  const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value;
  return url?.kind === Kind.STRING && /^https:\/\/specs\.apollo\.dev\/link\/v/.test(url.value);
}
