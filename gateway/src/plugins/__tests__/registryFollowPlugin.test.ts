import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import type { GatewayContext } from '../../context';
import { changesRegistry, REGISTRY_MUTATIONS, registryFollowPlugin } from '../registryFollowPlugin';

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

async function listenerOf(refresh: () => Promise<unknown>): Promise<GraphQLRequestListener<GatewayContext>> {
  const listener = await registryFollowPlugin(refresh).requestDidStart!({} as never);
  return listener!;
}

const answered = (source: string) => ({ operation: operationOf(source) }) as unknown as GraphQLRequestContextWillSendResponse<GatewayContext>;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('changesRegistry', () => {
  it('finds a registry mutation among the root fields, aliased or not', () => {
    expect(changesRegistry(operationOf('mutation { registerZoneService(input: {}) { outcome } }'))).toBe(true);
    expect(changesRegistry(operationOf('mutation M { result: deregisterZoneService(name: "a") { outcome } }'))).toBe(true);
    expect(changesRegistry(operationOf('mutation { upsertEnterprise(input: {}) { id } rollbackRegistry(toVersion: 2) { outcome } }'))).toBe(true);
  });

  it('leaves queries, other mutations and unresolved operations alone', () => {
    expect(changesRegistry(operationOf('{ registerZoneService }'))).toBe(false);
    expect(changesRegistry(operationOf('mutation { upsertEnterprise(input: {}) { id } }'))).toBe(false);
    expect(changesRegistry(undefined)).toBe(false);
  });

  it("names every mutation of the province's schema that answers a RegistryChangeResult", () => {
    const sdl = readFileSync(resolve(__dirname, '../../../../subgraphs/province/schema.graphql'), 'utf8');
    const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
    const registryChanges = parse(sdl).definitions.flatMap((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Mutation'
        ? (definition.fields ?? []).filter((field) => named(field.type) === 'RegistryChangeResult').map((field) => field.name.value)
        : [],
    );
    expect(new Set(registryChanges)).toEqual(REGISTRY_MUTATIONS);
  });
});

describe('registryFollowPlugin', () => {
  it('reads the registry before the answer to a registry mutation is sent', async () => {
    const read = deferred();
    const refresh = jest.fn(() => read.promise);
    const listener = await listenerOf(refresh);
    let sent = false;
    const sending = listener.willSendResponse!(answered('mutation { registerZoneService(input: {}) { outcome } }')).then(() => (sent = true));
    await new Promise((r) => setImmediate(r));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sent).toBe(false);
    read.resolve();
    await sending;
    expect(sent).toBe(true);
  });

  it('sends the answer when the registry cannot be read', async () => {
    const listener = await listenerOf(() => Promise.reject(new Error('registry database down')));
    await expect(listener.willSendResponse!(answered('mutation { updateZoneService(name: "a", input: {}) { outcome } }'))).resolves.toBeUndefined();
  });

  it('does not read the registry for any other operation', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const listener = await listenerOf(refresh);
    await listener.willSendResponse!(answered('{ zones { id } }'));
    await listener.willSendResponse!(answered('mutation { upsertEnterprise(input: {}) { id } }'));
    expect(refresh).not.toHaveBeenCalled();
  });
});
