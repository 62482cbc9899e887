import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getOperationAST, type DocumentNode } from 'graphql';
import { GraphQLDataSourceRequestKind } from './types';

/**
 * Whether a subgraph fetch only reads: its own operation is a query (`_entities`
 * fetches, even those following a mutation, are queries). Mutations are never retried.
 */
export function isReadFetch(options: GraphQLDataSourceProcessOptions): boolean {
  const document: DocumentNode | undefined = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? options.document : undefined;
  if (document) return getOperationAST(document, options.request.operationName)?.operation === 'query';
  const query = options.request.query ?? '';
  return !/^\s*(mutation|subscription)\b/.test(query);
}
