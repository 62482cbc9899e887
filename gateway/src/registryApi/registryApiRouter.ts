import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { REGISTRY_OPERATIONS } from './registryOperations';

export interface RegistryApiOptions {
  /** The gateway's own GraphQL endpoint: each route runs the province's registry operation through it, with the caller's credential. */
  readonly graphqlUrl: () => string;
}

export const REGISTRY_API_PATH = '/registry/v1';

interface GraphQLAnswer {
  data?: { result?: unknown } | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  LIMIT_EXCEEDED: 400,
  SERVICE_UNAVAILABLE: 503,
};

const flag = z.enum(['true', 'false']).optional();
const forceQuery = z.strictObject({ force: flag });
const historyQuery = z.strictObject({
  service: z.string().min(1).max(63).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const rollbackBody = z.strictObject({ toVersion: z.number().int().min(1) });

/**
 * The registry for deploy pipelines, as plain HTTP/JSON over the same GraphQL operations
 * people use (docs/zone-systems.md): every route is one operation run through this
 * gateway, so credentials, scopes and limits are exactly those of GraphQL.
 * - `POST   /registry/v1/services` — register (body: the registration, optionally `moveZones`; `?force=true`)
 * - `PUT    /registry/v1/services/:name` — update (body: the registration, optionally `moveZones`)
 * - `DELETE /registry/v1/services/:name` — deregister
 * - `POST   /registry/v1/rollback` — `{ "toVersion": n }`
 * - `GET    /registry/v1/status`, `GET /registry/v1/history?service=&limit=`
 * Accepted: 200; refused by the registry's checks: 422 with the problems; bad input: 400 naming it.
 */
export function registryApiRouter({ graphqlUrl }: RegistryApiOptions): Router {
  const router = Router();
  const json = express.json({ limit: '256kb' });

  const run = async (req: Request, res: Response, query: string, variables: Record<string, unknown>, change: boolean): Promise<void> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const upstream = await fetch(graphqlUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const answer = (await upstream.json()) as GraphQLAnswer;
    const error = answer.errors?.[0];
    if (!answer.data?.result) {
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      res.status(STATUS_OF_CODE[code] ?? (upstream.status >= 400 ? upstream.status : 502)).json({ error: { code, message: error?.message ?? 'no answer' } });
      return;
    }
    const result = answer.data.result as { outcome?: string };
    res.status(change && result.outcome === 'REFUSED' ? 422 : 200).json(result);
  };

  const badInput = (res: Response, issues: readonly z.core.$ZodIssue[], where: 'query' | 'body'): void => {
    const issue = issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : where;
    res.status(400).json({ error: { code: 'BAD_USER_INPUT', field, message: `${where} ${field}: ${issue.message}` } });
  };

  const withForce = (req: Request, res: Response): boolean | null => {
    const parsed = forceQuery.safeParse(req.query);
    if (!parsed.success) {
      badInput(res, parsed.error.issues, 'query');
      return null;
    }
    return parsed.data.force === 'true';
  };

  const bodyObject = (req: Request, res: Response): Record<string, unknown> | null => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', field: 'body', message: 'the body must be a JSON object (Content-Type: application/json)' } });
      return null;
    }
    return req.body as Record<string, unknown>;
  };

  router.post(`${REGISTRY_API_PATH}/services`, json, async (req, res) => {
    const force = withForce(req, res);
    const body = force === null ? null : bodyObject(req, res);
    if (force === null || !body) return;
    const { moveZones, ...input } = body;
    await run(req, res, REGISTRY_OPERATIONS.register, { input, moveZones: moveZones ?? null, force }, true);
  });

  router.put(`${REGISTRY_API_PATH}/services/:name`, json, async (req, res) => {
    const force = withForce(req, res);
    const body = force === null ? null : bodyObject(req, res);
    if (force === null || !body) return;
    const { moveZones, ...input } = body;
    if (input.name !== undefined && input.name !== req.params.name) {
      res
        .status(400)
        .json({ error: { code: 'BAD_USER_INPUT', field: 'name', message: `body name "${String(input.name)}" differs from the URL's "${req.params.name}"` } });
      return;
    }
    await run(req, res, REGISTRY_OPERATIONS.update, { input: { ...input, name: req.params.name }, moveZones: moveZones ?? null, force }, true);
  });

  router.delete(`${REGISTRY_API_PATH}/services/:name`, async (req, res) => {
    const force = withForce(req, res);
    if (force === null) return;
    await run(req, res, REGISTRY_OPERATIONS.deregister, { name: req.params.name, force }, true);
  });

  router.post(`${REGISTRY_API_PATH}/rollback`, json, async (req, res) => {
    const parsed = rollbackBody.safeParse(req.body);
    if (!parsed.success) return badInput(res, parsed.error.issues, 'body');
    await run(req, res, REGISTRY_OPERATIONS.rollback, parsed.data, true);
  });

  router.get(`${REGISTRY_API_PATH}/status`, async (req, res) => {
    await run(req, res, REGISTRY_OPERATIONS.status, {}, false);
  });

  router.get(`${REGISTRY_API_PATH}/history`, async (req, res) => {
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) return badInput(res, parsed.error.issues, 'query');
    await run(req, res, REGISTRY_OPERATIONS.history, { service: parsed.data.service ?? null, limit: parsed.data.limit ?? 50 }, false);
  });

  return router;
}
