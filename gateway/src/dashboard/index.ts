import { Router } from 'express';

export interface DashboardRouterOptions {
  /** npm start's credential, embedded in the page for loopback callers only (as GraphiQL does). */
  readonly devCredential?: string;
}

/** The analysts' dashboard at /dashboard. */
export function dashboardRouter(_options: DashboardRouterOptions): Router {
  return Router();
}
