import express, { type Request, type Response, type Router } from 'express';
import { isDirectLoopbackRequest } from '../graphiql/loopbackRequest';
import { loadDashboardOperations, type DashboardOperations } from './dashboardOperations';
import { PAGE_ROUTES, PARAMETER_ROUTES, parameterProblem } from './dashboardRoutes';
import { resolveDashboardFiles, type DashboardFiles } from './dashboardFiles';
import { renderDashboardPage } from './renderDashboardPage';

export interface DashboardRouterOptions {
  /** npm start's credential, embedded in the page for loopback callers only (as GraphiQL does). */
  readonly devCredential?: string;
  /** @default '/dashboard' */
  readonly basePath?: string;
  /** @default '/graphql' */
  readonly endpointPath?: string;
  /** Where the browser files are (assets/, operations/, fragments/). @default gateway/dashboard */
  readonly dashboardDir?: string;
}

/** Scripts from this server only (the page's configuration is JSON data); ECharts sets inline styles. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The analysts' dashboard: one page at `<basePath>` and its routes (`/zones/<id>`, `/selection`,
 * `/sources/<fileName>` ...), its scripts and ECharts under `<basePath>/assets/`, all from this
 * server. The page talks to `/graphql` with the credential the analyst signs in with.
 */
export function dashboardRouter({ devCredential, basePath = '/dashboard', endpointPath = '/graphql', dashboardDir }: DashboardRouterOptions): Router {
  let files: DashboardFiles;
  let operations: DashboardOperations;
  try {
    files = resolveDashboardFiles(dashboardDir);
    operations = loadDashboardOperations(files.operationsDir, files.fragmentsDir);
  } catch (error) {
    return unavailableRouter(basePath, error instanceof Error ? error.message : String(error));
  }
  const assetsPath = `${basePath}/assets`;
  const page = renderDashboardPage({ assetsPath, basePath, endpointPath, operations });
  const localPage = devCredential ? renderDashboardPage({ assetsPath, basePath, endpointPath, operations, devCredential }) : page;
  const router = express.Router();

  const sendPage = (req: Request, res: Response) => {
    const local = localPage !== page && isDirectLoopbackRequest(req);
    // The page with the credential is never cached, and varies by who asks.
    res
      .set({
        'Cache-Control': 'no-store',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      })
      .type('html')
      .send(local ? localPage : page);
  };
  const notFound = (res: Response, message: string) => res.status(404).type('text/plain; charset=utf-8').send(`${message}\n`);

  // pnpm keeps packages under node_modules/.pnpm: allow that dot-segment (the path is fixed).
  router.get(`${assetsPath}/echarts.min.js`, (_req, res) => res.sendFile(files.echartsFile, { maxAge: '1d', dotfiles: 'allow' }));
  router.use(assetsPath, express.static(files.assetsDir, { index: false, maxAge: 0 }));
  for (const route of PAGE_ROUTES) router.get(route === '/' ? basePath : `${basePath}${route}`, sendPage);
  for (const { path, parameter, schema } of PARAMETER_ROUTES) {
    router.get(`${basePath}${path}`, (req, res) => {
      const problem = parameterProblem(parameter, schema, (req.params as Record<string, string | undefined>)[parameter]);
      if (problem) notFound(res, problem);
      else sendPage(req, res);
    });
  }
  router.get(`${basePath}/{*rest}`, (req, res) => notFound(res, `no dashboard page at ${req.path}`));
  return router;
}

/**
 * A deployment that left the dashboard's files out (an image built from dist only) still serves
 * GraphQL: the dashboard's URLs say what is missing instead of the gateway refusing to start.
 */
function unavailableRouter(basePath: string, problem: string): Router {
  const router = express.Router();
  const answer = (_req: Request, res: Response) => res.status(503).type('text/plain; charset=utf-8').send(`The dashboard is not installed: ${problem}\n`);
  router.get(basePath, answer);
  router.get(`${basePath}/{*rest}`, answer);
  return router;
}
