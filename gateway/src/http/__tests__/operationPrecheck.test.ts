import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { countTokens, operationPrecheck, type OperationPrecheckOptions } from '../operationPrecheck';

const servers: Server[] = [];

/** An app with the precheck in front of a handler that answers 200: returns how to POST a body to it. */
async function appWith(options: OperationPrecheckOptions): Promise<(body: unknown) => Promise<number>> {
  const app = express();
  app.post('/graphql', express.json(), operationPrecheck(options), (_req, res) => {
    res.json({ data: {} });
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return async (body) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('operationPrecheck', () => {
  it('counts tokens up to the first lexical error', () => {
    expect(countTokens('{ zone(id: "a") { id } }')).toBe(11);
    expect(countTokens('{ a } "unterminated')).toBe(3);
  });

  it('gives a repeated document the same verdict (its count remembered) as a new one', async () => {
    const post = await appWith({ maxTokens: 3 });
    for (let round = 0; round < 3; round += 1) {
      expect(await post({ query: '{ a }' })).toBe(200);
      expect(await post({ query: '{ a b }' })).toBe(400);
    }
  });

  it('counts a document longer than the text it remembers every time, with the same verdict', async () => {
    const post = await appWith({ maxTokens: 3, countedTextChars: 4 });
    for (let round = 0; round < 2; round += 1) {
      expect(await post({ query: '{ a }' })).toBe(200);
      expect(await post({ query: '{ a b c }' })).toBe(400);
    }
  });

  it('refuses an operation name over the limit', async () => {
    const post = await appWith({ maxOperationNameLength: 3 });
    expect(await post({ query: '{ a }', operationName: 'Long' })).toBe(400);
    expect(await post({ query: '{ a }', operationName: 'Ok' })).toBe(200);
  });
});
