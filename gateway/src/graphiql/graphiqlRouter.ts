import express, { type Router } from 'express';
import { resolveGraphiqlAssets } from './graphiqlAssets';
import { renderGraphiqlPage } from './renderGraphiqlPage';

export interface GraphiqlRouterOptions {
  /**
   * Path of the GraphQL endpoint; a browser GET there (HTML preferred, no `query`) gets the page.
   * @default '/graphql'
   */
  readonly endpointPath?: string;
  /** @default '/graphiql/assets' */
  readonly assetsPath?: string;
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
  router.get(endpointPath, (req, res, next) => {
    const prefersHtml = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (prefersHtml && req.query.query === undefined) res.type('html').send(page);
    else next();
  });
  return router;
}
