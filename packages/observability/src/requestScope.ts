import { AsyncLocalStorage } from 'node:async_hooks';
import type { SubgraphFetchMetrics } from './metrics/subgraphFetchMetrics';

/** What the signals of one HTTP request are tied to, wherever in its handling they are given. */
export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation once resolved: labels the request's duration. */
  operationName: string | undefined;
  /** Where the request's subgraph fetches are counted (the gateway's); none on a subgraph service. */
  readonly fetches?: SubgraphFetchMetrics;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `handle` (and everything it starts) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, handle: () => T): T {
  return storage.run(scope, handle);
}

/** The scope of the request being handled; undefined outside one (start-up, background work). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
