/** The province subgraph: directory, root fields, the registry itself. */
export const PROVINCE_SUBGRAPH = 'province';

/** Every zone service composes as this one logical subgraph. */
export const ZONES_SUBGRAPH = 'zones';

/**
 * The `zones` subgraph has no single URL: the gateway's data source routes each entity to
 * the service hosting its zone. This placeholder is what the supergraph records.
 */
export const ZONES_SUBGRAPH_URL = 'sharded://zones';
