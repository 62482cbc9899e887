import { Kind, parse, print, type FieldNode, type SelectionSetNode } from 'graphql';
import { ENTERPRISES_QUERY, FIGURES_BY_FIELD_QUERY } from './zoneReaderOperations';

/** The variable of the API operations that names the zones; the entity operation names them in representations. */
const ZONE_IDS_VARIABLE = 'ids';

/**
 * An API operation reading `zones(ids: $ids) { … }` as the `_entities` operation a zone
 * service answers: the same selection of `Zone`, the same variables except `$ids`, for
 * the zones given as representations. The API operation stays the one written and
 * type-checked (`zoneReaderOperations.generated.ts`): each entity answered has its type.
 */
export function asZoneEntitiesOperation(apiOperation: string): string {
  const document = parse(apiOperation);
  const [operation, ...others] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || others.length > 0) throw new Error('a zone read is one operation, without fragments');
  const zones = operation.selectionSet.selections.find((selection): selection is FieldNode & { selectionSet: SelectionSetNode } => {
    return selection.kind === Kind.FIELD && selection.name.value === 'zones' && selection.selectionSet !== undefined;
  });
  if (!zones || operation.selectionSet.selections.length !== 1) throw new Error('a zone read selects `zones(ids:) { … }` and nothing else');
  const variables = (operation.variableDefinitions ?? [])
    .filter((definition) => definition.variable.name.value !== ZONE_IDS_VARIABLE)
    .map((definition) => print(definition));
  const name = operation.name ? ` ${operation.name.value}` : '';
  return `query${name}(${['$representations: [_Any!]!', ...variables].join(', ')}) { _entities(representations: $representations) { ... on Zone ${print(zones.selectionSet)} } }`;
}

export const ENTERPRISES_ENTITIES_QUERY = asZoneEntitiesOperation(ENTERPRISES_QUERY);
export const FIGURES_BY_FIELD_ENTITIES_QUERY = asZoneEntitiesOperation(FIGURES_BY_FIELD_QUERY);
