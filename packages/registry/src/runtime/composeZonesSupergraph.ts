import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from './subgraphNames';
import type { RegistryProblem } from './types';

export type ZonesComposition =
  { readonly status: 'composed'; readonly supergraphSdl: string } | { readonly status: 'failed'; readonly problems: RegistryProblem[] };

/**
 * Composes the province subgraph with the one logical `zones` subgraph (the SDL every zone
 * service serves in common) into the supergraph the gateways serve.
 */
export function composeZonesSupergraph(province: { readonly url: string; readonly sdl: string }, zonesSdl: string): ZonesComposition {
  const subgraphs: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const problems: RegistryProblem[] = [];
  for (const { name, url, sdl } of [
    { name: PROVINCE_SUBGRAPH, url: province.url, sdl: province.sdl },
    { name: ZONES_SUBGRAPH, url: ZONES_SUBGRAPH_URL, sdl: zonesSdl },
  ]) {
    try {
      subgraphs.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      problems.push({ check: 'composition', path: name, message: `INVALID_GRAPHQL: the ${name} SDL does not parse: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) return { status: 'failed', problems };
  const result = composeServices(subgraphs);
  if (result.errors) {
    return {
      status: 'failed',
      problems: result.errors.map((error) => {
        const code = error.extensions.code;
        return { check: 'composition', message: `${typeof code === 'string' ? code : 'COMPOSITION_ERROR'}: ${error.message}` };
      }),
    };
  }
  return { status: 'composed', supergraphSdl: result.supergraphSdl };
}
