import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import express from 'express';
import { expressMessageClasses } from './expressMessageClasses';

describe('expressMessageClasses', () => {
  const app = express();
  let server: Server;
  let url: string;
  const atBirth: object[] = [];
  let inHandler: object[] = [];

  beforeAll(async () => {
    app.get('/page', (req, res) => {
      inHandler = [Object.getPrototypeOf(req) as object, Object.getPrototypeOf(res) as object];
      res.status(203).json({ asked: req.get('x-asked') ?? null, q: req.query.q ?? null, locals: typeof res.locals });
    });
    server = createServer(expressMessageClasses(app), app);
    // Heard before the app: the messages as Node's HTTP server built them.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      atBirth.push(Object.getPrototypeOf(req) as object, Object.getPrototypeOf(res) as object);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("builds every message with the app's prototype, which express's router then leaves as it is", async () => {
    const answer = await fetch(`${url}/page?q=2`, { headers: { 'x-asked': 'yes' } });
    expect(answer.status).toBe(203);
    expect(await answer.json()).toEqual({ asked: 'yes', q: '2', locals: 'object' });
    expect(atBirth).toEqual([app.request, app.response]);
    expect(inHandler[0]).toBe(app.request);
    expect(inHandler[1]).toBe(app.response);
  });

  it("keeps Node's classes and the app's helpers in the chain", () => {
    const other = express();
    const helpers = other.request;
    const { IncomingMessage: Request, ServerResponse: Response } = expressMessageClasses(other);
    const request = new Request(new Socket());
    const response = new Response(request);
    expect(request).toBeInstanceOf(IncomingMessage);
    expect(response).toBeInstanceOf(ServerResponse);
    expect(Object.getPrototypeOf(request)).toBe(other.request);
    expect(Object.getPrototypeOf(response)).toBe(other.response);
    expect(Object.prototype.isPrototypeOf.call(helpers, request)).toBe(true);
    expect(typeof (request as unknown as { get: unknown }).get).toBe('function');
  });
});
