import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';

/** The province's mutations that change the registry: each answers a `RegistryChangeResult`. */
export const REGISTRY_MUTATIONS: ReadonlySet<string> = new Set(['registerZoneService', 'updateZoneService', 'deregisterZoneService', 'rollbackRegistry']);

/** Whether `operation` is a mutation with a registry change among its root fields (aliased or not). */
export function changesRegistry(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'mutation') return false;
  return operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && REGISTRY_MUTATIONS.has(selection.name.value));
}

/**
 * Read-your-writes for registrations through this gateway: once a registry mutation has been
 * answered by the province (which commits an accepted state before it answers), the gateway
 * reads the registry (`refresh`, as a NOTIFY would make it) before it sends the answer, so the
 * caller's next request runs on the new shard map, whenever the NOTIFY arrives. A refused change
 * finds nothing newer; a failed read leaves the answer as it is (the registry's own watcher
 * reports and retries).
 */
export function registryFollowPlugin(refresh: () => Promise<unknown>): ApolloServerPlugin<GatewayContext> {
  const listener: GraphQLRequestListener<GatewayContext> = {
    willSendResponse: async ({ operation }) => {
      if (changesRegistry(operation)) await refresh().catch(() => undefined);
    },
  };
  return { requestDidStart: async () => listener };
}
