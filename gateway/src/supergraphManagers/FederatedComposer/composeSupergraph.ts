import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import type { CompositionProblem, SubgraphEndpoint } from './types';

export interface SubgraphSdl extends SubgraphEndpoint {
  readonly sdl: string;
}

export type CompositionOutcome =
  { readonly status: 'composed'; readonly supergraphSdl: string } | { readonly status: 'failed'; readonly problems: readonly CompositionProblem[] };

/** Composes subgraph SDLs into a supergraph with Apollo Federation 2 composition. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): CompositionOutcome {
  const parsed: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const problems: CompositionProblem[] = [];
  for (const { name, url, sdl } of subgraphs) {
    try {
      parsed.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      problems.push({ subgraph: name, code: 'INVALID_GRAPHQL', message: `invalid SDL: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) return { status: 'failed', problems };
  const result = composeServices(parsed);
  if (result.errors) {
    return {
      status: 'failed',
      problems: result.errors.map((error) => {
        const code = error.extensions.code;
        return typeof code === 'string' ? { message: error.message, code } : { message: error.message };
      }),
    };
  }
  return { status: 'composed', supergraphSdl: result.supergraphSdl };
}
