import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from '@devzone/gateway';
import { buildProvinceSchema } from '@devzone/province';
import { buildZoneSchema } from '@devzone/zone-subgraph';
import { lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { graphqlHeader, type GeneratedFile } from './generatedFile';

/** The province's URL as the committed supergraph records it; a running gateway composes with its own. */
export const PROVINCE_URL_IN_COMMITTED_SUPERGRAPH = 'http://localhost:4001/graphql';

export interface RenderedSchemas {
  readonly files: GeneratedFile[];
  /** What clients see through the gateway (the supergraph's API schema). */
  readonly apiSchema: GraphQLSchema;
  /** What a zone service answers (its `_entities` included): what the province's entity operations are checked against. */
  readonly zoneSubgraphSchema: GraphQLSchema;
}

/**
 * Each subgraph's SDL as it publishes it (`_service { sdl }`), the supergraph the
 * gateway composes from them, and the API schema clients query.
 */
export async function renderSchemas(): Promise<RenderedSchemas> {
  const zoneSdl = printSubgraphSchema(await buildZoneSchema());
  const provinceSdl = printSubgraphSchema(await buildProvinceSchema());
  const composed = composeServices([
    { name: PROVINCE_SUBGRAPH, url: PROVINCE_URL_IN_COMMITTED_SUPERGRAPH, typeDefs: parse(provinceSdl) },
    { name: ZONES_SUBGRAPH, url: ZONES_SUBGRAPH_URL, typeDefs: parse(zoneSdl) },
  ]);
  if (composed.errors) throw new Error(`the subgraphs do not compose:\n${composed.errors.map((e) => `- ${e.message}`).join('\n')}`);
  const apiSchema = lexicographicSortSchema(composed.schema.toAPISchema().toGraphQLJSSchema());
  return {
    apiSchema,
    zoneSubgraphSchema: buildSubgraphSchema(parse(zoneSdl)),
    files: [
      { path: 'packages/zone-subgraph/schema.graphql', content: graphqlHeader('the zone subgraph (packages/zone-subgraph)') + zoneSdl.trimEnd() + '\n' },
      { path: 'subgraphs/province/schema.graphql', content: graphqlHeader('the province subgraph (subgraphs/province)') + provinceSdl.trimEnd() + '\n' },
      {
        path: 'gateway/supergraph.graphql',
        content: graphqlHeader('the two subgraphs, composed with @apollo/composition') + composed.supergraphSdl.trimEnd() + '\n',
      },
      {
        path: 'gateway/schema.graphql',
        content: graphqlHeader('the supergraph: the API schema clients query at the gateway') + printSchema(apiSchema).trimEnd() + '\n',
      },
    ],
  };
}
