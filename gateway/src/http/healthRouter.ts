import express, { type Router } from 'express';
import type { ZoneServiceRegistry } from '@devzone/registry';

export interface HealthRouterOptions {
  readonly registry: ZoneServiceRegistry;
  /** @default '/health' */
  readonly path?: string;
}

/** `GET /health`: the gateway process is up and serving a supergraph; lists the registered zone services. */
export function healthRouter({ registry, path = '/health' }: HealthRouterOptions): Router {
  const router = express.Router();
  router.get(path, (_req, res) => {
    res.json({
      status: 'ok',
      zoneServices: registry.services().map(({ name, zoneIds }) => ({ name, zoneIds })),
    });
  });
  return router;
}
