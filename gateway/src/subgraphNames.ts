/** The two subgraphs of the supergraph. */
export const PROVINCE_SUBGRAPH = 'province';

/** Every zone service composes as this one logical subgraph. */
export const ZONES_SUBGRAPH = 'zones';

/**
 * The `zones` subgraph has no single URL: its data source routes each entity to the
 * service hosting its zone. This placeholder is what the supergraph records.
 */
export const ZONES_SUBGRAPH_URL = 'sharded://zones';
