import { deadlineSignal } from './deadline';
import type { Fetcher } from './types';

/**
 * Node's fetch, aborted when the enclosing `withDeadline` passes.
 * `RemoteGraphQLDataSource` gives its fetcher no signal of its own.
 */
export const abortableFetcher: Fetcher = (url, init) => fetch(url, { ...init, signal: deadlineSignal() });
