import express, { type Request, type Response, type Router } from 'express';
import { resolveGraphiqlAssets } from './graphiqlAssets';
import { isDirectLoopbackRequest } from './loopbackRequest';
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
  /**
   * The local development credential (an `Authorization` value): the page sends it when
   * served to a browser on this machine (see isDirectLoopbackRequest), never to other clients.
   */
  readonly devCredential?: string;
}

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Serves GraphiQL at `GET /` and at a browser's `GET <endpointPath>`, with its
 * scripts and styles from node_modules under `assetsPath`: no internet access needed.
 */
export function graphiqlRouter({ endpointPath = '/graphql', assetsPath = '/graphiql/assets', devCredential }: GraphiqlRouterOptions = {}): Router {
  const assets = resolveGraphiqlAssets();
  const page = renderGraphiqlPage({ assetsPath, endpointPath, assets });
  const localPage = devCredential ? renderGraphiqlPage({ assetsPath, endpointPath, assets, authorization: devCredential }) : page;
  const router = express.Router();
  const sendPage = (req: Request, res: Response) => {
    const local = localPage !== page && isDirectLoopbackRequest(req);
    // The page with the credential is never cached, and varies by who asks.
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(local ? localPage : page);
  };

  for (const asset of assets) {
    router.get(`${assetsPath}/${asset.name}`, (_req, res) => {
      // pnpm keeps packages under node_modules/.pnpm: allow that dot-segment (the path is fixed).
      res.sendFile(asset.file, { maxAge: '1d', dotfiles: 'allow' });
    });
  }
  router.get('/', sendPage);
  // A browser navigating here (a reload, a shared link) asks for HTML first: it gets the page, which
  // reads ?query= itself. GraphQL clients ask for JSON and go on to Apollo, CSRF prevention included.
  router.get(endpointPath, (req, res, next) => {
    if (prefersHtml(req)) sendPage(req, res);
    else next();
  });
  return router;
}
