import type { GraphQLFormattedError } from 'graphql';
import type { DataSourceResponse } from './types';

/** What one service's part of an `_entities` request came back as. */
export type PartOutcome =
  | { readonly status: 'answered'; readonly entities: readonly unknown[]; readonly errors: readonly GraphQLFormattedError[] }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Accepts a service's answer only if `data._entities` is an array with one entry per
 * representation sent: the gateway merges entities by position.
 */
export function readEntitiesAnswer(response: DataSourceResponse, expected: number): PartOutcome {
  const errors = response.errors ?? [];
  const entities: unknown = response.data?._entities;
  if (!Array.isArray(entities)) {
    const said = errors.length > 0 ? `: ${errors.map((error) => error.message).join('; ')}` : '';
    return { status: 'failed', reason: `answered no data._entities${said}` };
  }
  if (entities.length !== expected) {
    return { status: 'failed', reason: `answered ${entities.length} entities for ${expected} representations` };
  }
  return { status: 'answered', entities, errors };
}
