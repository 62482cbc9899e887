/** The two subgraphs of the supergraph, as the runtime registry composes them (one definition for both). */
export { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from '@devzone/registry';
