import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import { withDirectRoute } from '../directRoute';

describe('withDirectRoute', () => {
  let server: Server;
  let url: string;
  const ran: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.post('/graphql', (_req, res) => {
      res.status(200).json({ via: 'router' });
    });
    app.use((_req, res) => {
      res.status(404).json({ via: 'app' });
    });
    const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
      res.status(500).json({ error: error.message });
    };
    server = createServer(
      withDirectRoute(app, {
        method: 'POST',
        path: '/graphql',
        handlers: [
          (req: Request, _res: Response, next: NextFunction) => {
            ran.push(`first ${req.path}`);
            next();
          },
          async (req: Request, res: Response) => {
            if (req.query.fail === 'throw') throw new Error('thrown');
            if (req.query.fail === 'reject') await Promise.reject(new Error('rejected'));
            res
              .status(200)
              .set('x-via', 'direct')
              .json({ via: 'direct', locals: typeof res.locals });
          },
        ],
        onError,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves the route's handlers in order with express's request and response helpers", async () => {
    const answer = await fetch(`${url}/graphql?x=1`, { method: 'POST' });
    expect(answer.headers.get('x-via')).toBe('direct');
    expect(await answer.json()).toEqual({ via: 'direct', locals: 'object' });
    expect(ran).toContain('first /graphql');
  });

  it('leaves other methods and spellings to the app', async () => {
    expect(await (await fetch(`${url}/graphql`)).json()).toEqual({ via: 'app' });
    expect(await (await fetch(`${url}/graphql/`, { method: 'POST' })).json()).toEqual({ via: 'router' });
  });

  it('hands a thrown error and a rejected promise to the error handler', async () => {
    expect(await (await fetch(`${url}/graphql?fail=throw`, { method: 'POST' })).json()).toEqual({ error: 'thrown' });
    expect(await (await fetch(`${url}/graphql?fail=reject`, { method: 'POST' })).json()).toEqual({ error: 'rejected' });
  });
});
