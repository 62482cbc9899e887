import express, { type Request, type Response, type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { requestIdOf } from '../http/requestId';
import { readAnswer, type ViewError } from './answerErrors';
import { expandColumns } from './columns';
import { VIEWS } from './definitions';
import { FORMATS, formatOf, type Format } from './formats';
import { ClientGoneError } from './formats/table';
import { openApiDocument } from './openApiDocument';
import { readVariables, sentVariables } from './parameters';
import { runOperation } from './runOperation';
import { serveViews, type ServedView } from './servedViews';
import { loadApiSchema } from './storedOperations';
import type { View } from './viewDefinition';

export interface ViewsRouterOptions {
  /** The gateway's own GraphQL endpoint (known once it listens): views run their operations through it with the caller's credential. */
  readonly graphqlUrl: () => string;
  /**
   * Serve the test-only views (`synthetic-rows`).
   * @default DEVZONE_VIEWS_SYNTHETIC=1
   */
  readonly testViews?: boolean;
  /** @default every view */
  readonly views?: readonly View[];
  /** @default gateway/schema.graphql */
  readonly schema?: GraphQLSchema;
  /** @default gateway/views */
  readonly operationsDir?: string;
}

const VIEW_PATH = /^(?<name>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?<extension>[a-z]+))?$/;

/**
 * BI views: stored operations served as CSV, XLSX and JSON at `/views/<name>.<format>`
 * (or `/views/<name>` with an `Accept` header), their OpenAPI document at
 * `/views/openapi.json` and a list of them at `/views`. Every view runs through
 * `graphqlUrl` as the caller.
 */
export function viewsRouter({
  graphqlUrl,
  testViews = process.env.DEVZONE_VIEWS_SYNTHETIC === '1',
  views = VIEWS,
  schema = loadApiSchema(),
  operationsDir,
}: ViewsRouterOptions): Router {
  const served = serveViews(
    views.filter((view) => testViews || !view.testOnly),
    schema,
    operationsDir,
  );
  const byName = new Map(served.map((view) => [view.view.name, view]));
  const document = JSON.stringify(openApiDocument(served));
  const index = JSON.stringify({
    openapi: '/views/openapi.json',
    views: served.map(({ view, parameters }) => ({
      name: view.name,
      title: view.title,
      urls: Object.fromEntries(FORMATS.map((format) => [format.extension, `/views/${view.name}.${format.extension}`])),
      parameters: parameters.map((parameter) => parameter.name),
    })),
  });
  const router = express.Router();

  router.get('/views/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  router.get('/views', (_req, res) => {
    res.type('application/json').send(index);
  });

  router.get('/views/:file', async (req: Request<{ file: string }>, res, next) => {
    const path = VIEW_PATH.exec(req.params.file)?.groups;
    const view = path ? byName.get(path.name) : undefined;
    if (!path || !view)
      return sendViewError(res, { status: 404, code: 'NOT_FOUND', message: `No view "${req.params.file}". Views: ${[...byName.keys()].join(', ')}.` });
    const format = formatOf(path.extension, req);
    if (!format) {
      const formats = FORMATS.map((f) => (path.extension === undefined ? f.mediaType : `.${f.extension}`)).join(', ');
      return path.extension === undefined
        ? sendViewError(res, { status: 406, code: 'NOT_ACCEPTABLE', message: `The view answers ${formats}; use one in Accept, or an extension.` })
        : sendViewError(res, { status: 404, code: 'NOT_FOUND', message: `No format ".${path.extension}": the view is served as ${formats}.` });
    }
    try {
      await answerView(req, res, view, format, graphqlUrl());
    } catch (error) {
      // The client went away (the gateway request is aborted then too): nobody to answer.
      if (error instanceof ClientGoneError || res.destroyed) return;
      // Once the table has started, its status is sent: cutting the connection is the only way to say it is incomplete.
      if (res.headersSent) res.destroy(error instanceof Error ? error : undefined);
      else next(error);
    }
  });
  return router;
}

async function answerView(req: Request, res: Response, { view, operation, parameters }: ServedView, format: Format, url: string): Promise<void> {
  const read = readVariables(new URL(req.originalUrl, 'http://views.invalid').searchParams, parameters);
  if ('problem' in read) return sendViewError(res, { status: 400, code: 'BAD_USER_INPUT', ...read.problem });
  const problem = view.check?.(read.variables);
  if (problem) return sendViewError(res, { status: 400, code: 'BAD_USER_INPUT', ...problem });

  if (!url) return sendViewError(res, { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The gateway is not listening yet.' });
  const abort = new AbortController();
  const cancel = () => abort.abort();
  res.once('close', cancel);
  const outcome = await runOperation({
    graphqlUrl: url,
    operation,
    variables: sentVariables(read.variables, parameters),
    authorization: req.get('authorization'),
    requestId: requestIdOf(res),
    signal: abort.signal,
  }).finally(() => res.off('close', cancel));
  if (outcome.kind === 'refused') {
    res.status(outcome.status).set(outcome.headers).send(outcome.body);
    return;
  }
  const result = readAnswer(
    view,
    parameters.map((p) => p.name),
    outcome.data,
    outcome.errors,
  );
  if ('error' in result) return sendViewError(res, result.error);

  const columns = expandColumns(view.columns, view.groupKeys?.(read.variables, result.answer.data) ?? {});
  res.status(200).set({
    'content-type': format.contentType,
    'cache-control': 'no-store',
    vary: 'Accept, Authorization',
    ...(format.attachment ? { 'content-disposition': `attachment; filename=${view.name}.${format.extension}` } : {}),
  });
  await format.write(res, { view: view.name, columns, rows: view.rows(result.answer, read.variables) });
}

function sendViewError(res: Response, { status, ...error }: ViewError): void {
  res
    .status(status)
    .type('application/json')
    .set('cache-control', 'no-store')
    .send(JSON.stringify({ error: { ...error, requestId: requestIdOf(res) } }));
}
