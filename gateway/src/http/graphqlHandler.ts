import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AnswerFastPath } from '../answerCache/answerFastPath';
import type { GatewayContext } from '../context';
import type { PreparedReads } from '../preparedReads';
import type { ClientOperations } from './clientOperations';
import { requestIdOf } from './requestId';
import { searchOf } from './urlParts';

/**
 * Apollo Server at `/graphql` (what `expressMiddleware` does, after `express.json`), with four
 * additions. With `answers`, a repeated query is served from the answer cache before Apollo
 * Server (`AnswerFastPath`). With `prepared`, an operation Apollo Server answered before whose
 * plan is a lookup and one entity fetch is served by the prepared path (`PreparedReads`), and kept
 * in the answer cache when it missed. With `operations`, a persisted query sent by a hash the
 * paths before Apollo Server remember reaches Apollo Server with its query
 * (`ClientOperations.forApolloServer`). The errors Apollo answers before an operation runs (a POST that
 * is not JSON, a GET without a query, CSRF prevention) carry `extensions.requestId` as every
 * other error does: those never reach a plugin; errors of the request pipeline get it from
 * `gatewayErrorsPlugin`.
 */
export function graphqlHandler(
  server: ApolloServer<GatewayContext>,
  context: (args: { req: Request; res: Response }) => Promise<GatewayContext>,
  answers?: AnswerFastPath,
  prepared?: PreparedReads,
  operations?: ClientOperations,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return (req: Request, res: Response, next: NextFunction) => {
    void answer(server, context, req, res, { answers, prepared, operations }).catch(next);
  };
}

/** The paths before Apollo Server, and the reader of persisted queries they share. */
interface FastPaths {
  readonly answers: AnswerFastPath | undefined;
  readonly prepared: PreparedReads | undefined;
  readonly operations: ClientOperations | undefined;
}

async function answer(
  server: ApolloServer<GatewayContext>,
  context: (args: { req: Request; res: Response }) => Promise<GatewayContext>,
  req: Request,
  res: Response,
  { answers, prepared, operations }: FastPaths,
): Promise<void> {
  const fromCache = answers ? await answers.serve(req, res) : undefined;
  if (fromCache === 'sent') return;
  if (prepared && (await prepared.serve(req, res, () => context({ req, res }), fromCache))) return;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const { body, search } = operations ? operations.forApolloServer(req) : { body: req.body as unknown, search: searchOf(req.url) };
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search, body };
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context({ req, res }) });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const sent = { head: { status: res.statusCode, headers: [...response.headers] }, body: response.body.string };
    fromCache?.learnHttpAnswer(sent);
    prepared?.learn(req, sent);
    res.send(res.statusCode >= 400 ? withRequestId(response.body.string, requestIdOf(res)) : response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** An error answer with `requestId` in each error's extensions; anything that is not one is left as it is. */
export function withRequestId(body: string, requestId: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { errors?: unknown }).errors)) return body;
  const answer = parsed as { errors: unknown[] };
  answer.errors = answer.errors.map((error) =>
    typeof error === 'object' && error !== null
      ? { ...error, extensions: { ...(error as { extensions?: Record<string, unknown> }).extensions, requestId } }
      : error,
  );
  return JSON.stringify(answer);
}
