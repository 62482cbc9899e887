import type { Response } from 'express';
import type { GraphQLError } from 'graphql';
import { requestIdOf } from './requestId';

/** Answers a request the GraphQL server never saw with a GraphQL-shaped JSON error. */
export function sendGraphQLError(res: Response, status: number, code: string, message: string, extensions: Readonly<Record<string, unknown>> = {}): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code, requestId: requestIdOf(res) } }] }));
}

/** Answers with one of our registry errors (its `extensions.http.status`, else 400). */
export function sendRegistryError(res: Response, error: GraphQLError): void {
  const { http, code, ...extensions } = error.extensions as { http?: { status?: number }; code?: string } & Record<string, unknown>;
  sendGraphQLError(res, http?.status ?? 400, code ?? 'BAD_REQUEST', error.message, extensions);
}
