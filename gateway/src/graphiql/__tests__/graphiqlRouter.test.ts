import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { graphiqlRouter } from '../graphiqlRouter';
import { resolveGraphiqlAssets } from '../graphiqlAssets';

/** Every `src=` / `href=` in the page, and any absolute http(s) URL anywhere in it. */
function urlsIn(html: string) {
  return {
    referenced: [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!),
    absolute: html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [],
  };
}

describe('graphiqlRouter', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const app = express();
    app.use(graphiqlRouter());
    app.get('/graphql', (_req, res) => {
      res.json({ reachedGraphQL: true });
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('finds React 18 and GraphiQL UMD bundles in node_modules', () => {
    expect(resolveGraphiqlAssets().map((asset) => asset.name)).toEqual([
      'graphiql.min.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
    ]);
  });

  it('serves a page that loads only local assets', async () => {
    const response = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const { referenced, absolute } = urlsIn(html);
    expect(absolute).toEqual([]);
    expect(referenced).toEqual([
      '/graphiql/assets/graphiql.min.css',
      '/graphiql/assets/react.production.min.js',
      '/graphiql/assets/react-dom.production.min.js',
      '/graphiql/assets/graphiql.min.js',
    ]);
    expect(html).toContain('GraphiQL.createFetcher');
  });

  it('serves every asset the page references', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    for (const path of urlsIn(html).referenced) {
      const response = await fetch(`${origin}${path}`);
      const body = await response.text();
      expect([path, response.status]).toEqual([path, 200]);
      if (path.endsWith('.js')) {
        expect(response.headers.get('content-type')).toMatch(/javascript/);
        expect(body.length).toBeGreaterThan(1000);
      } else {
        expect(response.headers.get('content-type')).toMatch(/^text\/css/);
      }
    }
    const graphiql = await (await fetch(`${origin}/graphiql/assets/graphiql.min.js`)).text();
    expect(graphiql).toContain('.GraphiQL=');
  });

  it('serves the page at /graphql to browsers only', async () => {
    const browser = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(await browser.text()).toContain('<div id="graphiql">');

    const client = await fetch(`${origin}/graphql`, { headers: { accept: 'application/json' } });
    expect(await client.json()).toEqual({ reachedGraphQL: true });

    const sharedLink = await fetch(`${origin}/graphql?query=%7B__typename%7D&variables=%7B%7D`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(sharedLink.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await sharedLink.text()).toContain('<div id="graphiql">');

    const clientWithQuery = await fetch(`${origin}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'application/graphql-response+json, application/json' },
    });
    expect(await clientWithQuery.json()).toEqual({ reachedGraphQL: true });
    const anyType = await fetch(`${origin}/graphql?query=%7B__typename%7D`, { headers: { accept: '*/*' } });
    expect(await anyType.json()).toEqual({ reachedGraphQL: true });
  });

  it('answers 404 for files it does not serve', async () => {
    expect((await fetch(`${origin}/graphiql/assets/package.json`)).status).toBe(404);
  });
});
