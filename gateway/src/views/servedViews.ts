import type { GraphQLSchema } from 'graphql';
import { viewParameters, type ViewParameter } from './parameters';
import { loadStoredOperation, parseVariableDefinitions, type StoredOperation } from './storedOperations';
import type { View } from './viewDefinition';

/** A view ready to serve: its stored operation, read once, and its parameters. */
export interface ServedView {
  readonly view: View;
  readonly operation: StoredOperation;
  readonly parameters: readonly ViewParameter[];
}

/**
 * Reads every view's operation and types its parameters by the API schema, at start-up:
 * a missing file, a second operation, an undescribed variable or a type a query string
 * cannot carry is an error here, not on some later request.
 */
export function serveViews(views: readonly View[], schema: GraphQLSchema, operationsDir?: string): ServedView[] {
  return views.map((view) => {
    const operation = loadStoredOperation(view.name, operationsDir);
    const described = new Set(Object.keys(view.parameters));
    for (const variable of operation.variables) described.delete(variable.variable.name.value);
    if (described.size > 0) throw new Error(`view ${view.name} describes parameters its operation does not declare: ${[...described].join(', ')}`);
    const local = view.localParameters;
    return {
      view,
      operation,
      parameters: [
        ...viewParameters(operation.variables, schema, view.parameters, true),
        ...(local ? viewParameters(parseVariableDefinitions(local.definitions), schema, local.descriptions, false) : []),
      ],
    };
  });
}
