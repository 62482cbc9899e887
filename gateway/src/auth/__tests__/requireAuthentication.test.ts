import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CredentialRejectedError } from '@devzone/auth';
import express from 'express';
import type { Authenticator } from '../authenticator';
import { requireAuthentication } from '../requireAuthentication';

/** Serves one request through requireAuthentication with the given authenticator, its id answered as observeHttpRequests does. */
async function answerWith(authenticator: Authenticator, requestId: string) {
  const app = express();
  app.use(
    (req, res, next) => {
      res.setHeader('x-request-id', req.get('x-request-id') ?? 'no-id');
      next();
    },
    requireAuthentication(authenticator),
    (_req, res) => {
      res.json({ passed: true });
    },
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: { 'x-request-id': requestId },
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('requireAuthentication', () => {
  it('answers a refused credential with 401, its reason and the request id', async () => {
    const refused = await answerWith(
      { known: () => undefined, authenticate: () => Promise.reject(new CredentialRejectedError('expired', 'exp in the past')) },
      'trace-401-000001',
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/ApiKey/);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'expired', requestId: 'trace-401-000001' });
  });

  it('answers a credential store that cannot answer with 503, Retry-After and the request id', async () => {
    const down = await answerWith({ known: () => undefined, authenticate: () => Promise.reject(new Error('connect ECONNREFUSED')) }, 'trace-503-000001');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'unavailable', requestId: 'trace-503-000001' });
  });

  it('lets a request whose credential is known through without asking the verifiers', async () => {
    const authenticate = jest.fn(() => Promise.reject(new Error('not to be asked')));
    const passed = await answerWith(
      { known: () => ({ subject: 'key:a1', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] }), authenticate },
      'trace-200-000001',
    );
    expect(passed.status).toBe(200);
    expect(passed.body).toEqual({ passed: true });
    expect(authenticate).not.toHaveBeenCalled();
  });
});
