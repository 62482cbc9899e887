import express, { type Request, type Router } from 'express';
import { resolveGraphiqlAssets } from './graphiqlAssets';
import { renderGraphiqlPage } from './renderGraphiqlPage';

export interface GraphiqlRouterOptions {
  /**
   * Path of the GraphQL endpoint; a browser GET there (HTML preferred) gets the page, with the
   * `?query=`/`?variables=` of a shared link loaded into the editor.
   * @default '/graphql'
   */
  readonly endpointPath?: string;
  /** @default '/graphiql/assets' */
  readonly assetsPath?: string;
}

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Serves GraphiQL at `GET /` and at a browser's `GET <endpointPath>`, with its
 * scripts and styles from node_modules under `assetsPath`: no internet access needed.
 */
export function graphiqlRouter({ endpointPath = '/graphql', assetsPath = '/graphiql/assets' }: GraphiqlRouterOptions = {}): Router {
  const assets = resolveGraphiqlAssets();
  const page = renderGraphiqlPage({ assetsPath, endpointPath, assets });
  const router = express.Router();

  for (const asset of assets) {
    router.get(`${assetsPath}/${asset.name}`, (_req, res) => {
      // pnpm keeps packages under node_modules/.pnpm: allow that dot-segment (the path is fixed).
      res.sendFile(asset.file, { maxAge: '1d', dotfiles: 'allow' });
    });
  }
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  // A browser navigating here (a reload, a shared link) asks for HTML first: it gets the page, which
  // reads ?query= itself. GraphQL clients ask for JSON and go on to Apollo, CSRF prevention included.
  router.get(endpointPath, (req, res, next) => {
    if (prefersHtml(req)) res.type('html').send(page);
    else next();
  });
  return router;
}
