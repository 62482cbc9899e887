import { Router } from 'express';

export interface ViewsRouterOptions {
  /** The gateway's own GraphQL endpoint (known once it listens): views run their operations through it with the caller's credential. */
  readonly graphqlUrl: () => string;
}

/** BI views: stored operations served as CSV, XLSX and JSON, and their OpenAPI document. */
export function viewsRouter(_options: ViewsRouterOptions): Router {
  return Router();
}
