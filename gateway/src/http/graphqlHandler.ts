import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AnswerFastPath } from '../answerCache/answerFastPath';
import type { GatewayContext } from '../context';
import type { PreparedReads } from '../preparedReads';
import { requestIdOf } from './requestId';
import { searchOf } from './urlParts';

/**
 * Apollo Server at `/graphql` (what `expressMiddleware` does, after `express.json`), with three
 * additions. With `answers`, a repeated query is served from the answer cache before Apollo
 * Server (`AnswerFastPath`). With `prepared`, an operation Apollo Server answered before whose
 * plan is a lookup and one entity fetch is served by the prepared path (`PreparedReads`), and kept
 * in the answer cache when it missed. The errors Apollo answers before an operation runs (a POST that
 * is not JSON, a GET without a query, CSRF prevention) carry `extensions.requestId` as every
 * other error does: those never reach a plugin; errors of the request pipeline get it from
 * `gatewayErrorsPlugin`.
 */
export function graphqlHandler(
  server: ApolloServer<GatewayContext>,
  context: (args: { req: Request; res: Response }) => Promise<GatewayContext>,
  answers?: AnswerFastPath,
  prepared?: PreparedReads,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return (req: Request, res: Response, next: NextFunction) => {
    void answer(server, context, req, res, answers, prepared).catch(next);
  };
}

async function answer(
  server: ApolloServer<GatewayContext>,
  context: (args: { req: Request; res: Response }) => Promise<GatewayContext>,
  req: Request,
  res: Response,
  answers: AnswerFastPath | undefined,
  prepared: PreparedReads | undefined,
): Promise<void> {
  const fromCache = answers ? await answers.serve(req, res) : undefined;
  if (fromCache === 'sent') return;
  if (prepared && (await prepared.serve(req, res, () => context({ req, res }), fromCache))) return;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body as unknown };
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
