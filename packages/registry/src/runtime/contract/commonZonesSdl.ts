import { Kind, print, type DefinitionNode, type DocumentNode } from 'graphql';
import type { RegistryProblem } from '../types';
import { isLinkSpecSelfLink, sdlModel, type SdlModel, type TypeModel, type TypeNodeOfSdl } from './sdlModel';

export interface ServiceSdl {
  readonly name: string;
  readonly sdl: string;
}

/** Coordinates (`Zone.newField`, `NewType`, `Qualifier.ROUGHLY`) that other services serve and this one lacks. */
export interface LackingCoordinates {
  readonly service: string;
  readonly coordinates: readonly string[];
}

/** A coordinate every service has, but not in the same form; kept out until they agree. */
export interface DifferingCoordinate {
  readonly coordinate: string;
  readonly variants: readonly { readonly services: readonly string[]; readonly definition: string }[];
}

export interface CommonZonesSdl {
  /** The `zones` subgraph SDL actually served: what every service has in the same form. */
  readonly sdl: string;
  readonly lacking: readonly LackingCoordinates[];
  readonly differing: readonly DifferingCoordinate[];
  readonly problems: readonly RegistryProblem[];
}

const BUILT_IN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/**
 * The shard contract. The gateway plans against one `zones` schema and may send any query to
 * any zone service, so what is served is what ALL serving services have: a type every service
 * defines (same kind), a field every service defines identically (type, arguments, defaults,
 * directives; descriptions aside), enum values and union members every service has. Anything
 * else waits until every service serves it; `lacking` says who holds it back. Output follows
 * the first service's order.
 */
export function commonZonesSdl(services: readonly ServiceSdl[]): CommonZonesSdl {
  if (services.length === 0)
    return { sdl: '', lacking: [], differing: [], problems: [{ check: 'contract', message: 'no zone service to serve the zones subgraph' }] };
  const models: SdlModel[] = [];
  const problems: RegistryProblem[] = [];
  for (const { name, sdl } of services) {
    try {
      models.push(sdlModel(name, sdl));
    } catch (error) {
      problems.push({ check: 'contract', path: name, message: `the SDL of service "${name}" does not parse: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) return { sdl: '', lacking: [], differing: [], problems };

  problems.push(...schemaLevelProblems(models));
  const kept = keptMembers(models, problems);
  const [first] = models as [SdlModel, ...SdlModel[]];
  return {
    sdl: print(filteredDocument(first.document, kept, (type, face) => models.every((model) => model.types.get(type)?.interfaces.has(face)))),
    lacking: lackingCoordinates(models),
    differing: differingCoordinates(models),
    problems,
  };
}

/** `extend schema @link(...)`, directive definitions and kind conflicts: these must agree, or the contract is broken. */
function schemaLevelProblems(models: readonly SdlModel[]): RegistryProblem[] {
  const [first] = models as [SdlModel, ...SdlModel[]];
  const problems: RegistryProblem[] = [];
  for (const model of models) {
    for (const name of model.kindConflicts) {
      problems.push({ check: 'contract', path: name, message: `service "${model.service}" defines "${name}" with two different kinds` });
    }
    if (model === first) continue;
    if (model.schemaDirectives !== first.schemaDirectives) {
      problems.push({
        check: 'contract',
        path: '@link',
        message: `service "${model.service}" links other federation features than "${first.service}" (${model.schemaDirectives || 'none'} against ${first.schemaDirectives || 'none'}): every zone service must import the same`,
      });
    }
    for (const name of new Set([...first.directiveDefinitions.keys(), ...model.directiveDefinitions.keys()])) {
      if (first.directiveDefinitions.get(name) !== model.directiveDefinitions.get(name)) {
        problems.push({
          check: 'contract',
          path: `@${name}`,
          message: `services "${first.service}" and "${model.service}" do not define directive @${name} alike`,
        });
      }
    }
  }
  return problems;
}

/** Per kept type, its kept members; every dropped type is absent. */
function keptMembers(models: readonly SdlModel[], problems: RegistryProblem[]): Map<string, Set<string>> {
  const [first, ...others] = models as [SdlModel, ...SdlModel[]];
  const definedAnywhere = new Set(models.flatMap((model) => [...model.types.keys()]));
  const kept = new Map<string, Set<string>>();
  for (const [name, type] of first.types) {
    const all = models.map((model) => model.types.get(name));
    if (all.some((other) => other?.kind !== type.kind)) continue;
    const everywhere = all as TypeModel[];
    const typeDirectives = new Set(everywhere.map((other) => other.directives));
    if (typeDirectives.size > 1) {
      problems.push({
        check: 'contract',
        path: name,
        message: `the services do not give type ${name} the same directives (${everywhere.map((other, i) => `${models[i]!.service}: ${other.directives || 'none'}`).join('; ')})`,
      });
    }
    kept.set(
      name,
      new Set([...type.members].filter(([member, printed]) => others.every((model) => model.types.get(name)!.members.get(member) === printed)).map(([m]) => m)),
    );
  }

  // A kept member that needs a dropped type cannot be served either; dropping it can empty
  // (and so drop) its own type, hence the loop.
  const available = (typeName: string) => kept.has(typeName) || BUILT_IN_SCALARS.includes(typeName) || !definedAnywhere.has(typeName);
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, members] of kept) {
      const type = first.types.get(name)!;
      for (const member of members) {
        if (!(type.references.get(member) ?? []).every(available)) {
          members.delete(member);
          changed = true;
        }
      }
      if (type.kind !== 'scalar' && members.size === 0) {
        kept.delete(name);
        changed = true;
      }
    }
  }

  for (const model of models) {
    for (const [name, type] of model.types) {
      if (type.kind !== 'input' || !kept.has(name)) continue;
      for (const field of type.required) {
        if (!kept.get(name)!.has(field)) {
          problems.push({
            check: 'contract',
            path: `${name}.${field}`,
            message: `service "${model.service}" requires input field ${name}.${field}, which not every service serves alike: clients could never send it`,
          });
        }
      }
    }
  }
  return kept;
}

/** Whether every service declares that `type` implements interface `face`. */
type ImplementedEverywhere = (type: string, face: string) => boolean;

/** The first service's document with only what is kept; `extend` nodes left empty are dropped. */
function filteredDocument(document: DocumentNode, kept: ReadonlyMap<string, ReadonlySet<string>>, implemented: ImplementedEverywhere): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      // Root operation types are implied by the root types' names; which of them survive depends on what every service serves.
      const directives = (definition.directives ?? []).filter((directive) => !isLinkSpecSelfLink(directive));
      if (directives.length > 0) definitions.push({ kind: Kind.SCHEMA_EXTENSION, directives });
      continue;
    }
    if (!('name' in definition) || definition.kind === Kind.DIRECTIVE_DEFINITION || !definition.name) {
      definitions.push(definition);
      continue;
    }
    const name = definition.name.value;
    const members = kept.get(name);
    if (!members) continue;
    const filtered = filteredTypeNode(definition as TypeNodeOfSdl, members, (face) => kept.has(face) && implemented(name, face));
    if (filtered) definitions.push(filtered);
  }
  return { kind: Kind.DOCUMENT, definitions };
}

function filteredTypeNode(node: TypeNodeOfSdl, members: ReadonlySet<string>, keepInterface: (face: string) => boolean): TypeNodeOfSdl | undefined {
  const filtered: Record<string, unknown> = { ...node };
  let contents = (node.directives?.length ?? 0) > 0 ? 1 : 0;
  if ('interfaces' in node && node.interfaces) {
    filtered.interfaces = node.interfaces.filter((face) => keepInterface(face.name.value));
    contents += (filtered.interfaces as unknown[]).length;
  }
  for (const key of ['fields', 'values', 'types'] as const) {
    const list = (node as unknown as Record<string, readonly { name: { value: string } }[] | undefined>)[key];
    if (!list) continue;
    filtered[key] = list.filter((item) => members.has(item.name.value));
    contents += (filtered[key] as unknown[]).length;
  }
  const isExtension = node.kind.endsWith('Extension');
  return isExtension && contents === 0 ? undefined : (filtered as unknown as TypeNodeOfSdl);
}

function coordinatesOf(model: SdlModel): Map<string, string | null> {
  const coordinates = new Map<string, string | null>();
  for (const [name, type] of model.types) {
    coordinates.set(name, null);
    for (const [member, printed] of type.members) coordinates.set(`${name}.${member}`, printed);
  }
  return coordinates;
}

function lackingCoordinates(models: readonly SdlModel[]): LackingCoordinates[] {
  const perService = models.map(coordinatesOf);
  const everyCoordinate = new Set(perService.flatMap((coordinates) => [...coordinates.keys()]));
  return models
    .map((model, i) => {
      const own = perService[i]!;
      const lacks = [...everyCoordinate].filter((coordinate) => {
        if (own.has(coordinate)) return false;
        const dot = coordinate.indexOf('.');
        // A service lacking a whole type is told the type, not each of its members.
        return dot === -1 || own.has(coordinate.slice(0, dot));
      });
      return { service: model.service, coordinates: lacks.sort() };
    })
    .filter((entry) => entry.coordinates.length > 0);
}

function differingCoordinates(models: readonly SdlModel[]): DifferingCoordinate[] {
  const perService = models.map(coordinatesOf);
  const differing: DifferingCoordinate[] = [];
  for (const coordinate of [...perService[0]!.keys()].sort()) {
    if (!perService.every((coordinates) => coordinates.has(coordinate))) continue;
    const byDefinition = new Map<string, string[]>();
    perService.forEach((coordinates, i) => {
      const definition = coordinate.includes('.') ? coordinates.get(coordinate)! : models[i]!.types.get(coordinate)!.kind;
      byDefinition.set(definition, [...(byDefinition.get(definition) ?? []), models[i]!.service]);
    });
    if (byDefinition.size > 1) differing.push({ coordinate, variants: [...byDefinition].map(([definition, services]) => ({ services, definition })) });
  }
  return differing;
}
