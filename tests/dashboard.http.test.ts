/**
 * The dashboard over plain HTTP, as main.ts mounts it: the page and its assets (ECharts from the
 * installed package, the app's modules) come from this server and reference nothing elsewhere, so
 * the page works with no network access; the development credential is in the page for a browser
 * on this machine only; malformed route parameters are refused naming them.
 */
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { dashboardRouter, resolveDashboardFiles, type DashboardConfig } from '../gateway/src/dashboard';

const CREDENTIAL = `ApiKey dzk_0123456789abcdef_${'b'.repeat(64)}`;

let server: Server;
let origin: string;
beforeAll(async () => {
  const app = express();
  app.use(dashboardRouter({ devCredential: CREDENTIAL }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A raw request: fetch cannot set Host (as a page on a rebound DNS name would) nor keep `..` in a path. */
function rawGet(path: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    const req = request({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function configOf(html: string): DashboardConfig {
  const match = /<script type="application\/json" id="dashboard-config">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no #dashboard-config in the page');
  return JSON.parse(match[1]) as DashboardConfig;
}

/** Every URL an attribute or a CSS url() or a module import names. */
function referencedUrls(text: string): string[] {
  const attributes = [...text.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  const cssUrls = [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((match) => match[1]);
  const imports = [...text.matchAll(/\bimport\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g)].map((match) => match[1]);
  return [...attributes, ...cssUrls, ...imports];
}

describe('the dashboard page and its assets', () => {
  it('serves the page at /dashboard with its routes, never cached, scripts from this server only', async () => {
    for (const path of [
      '/dashboard',
      '/dashboard/',
      '/dashboard/compare',
      '/dashboard/selection',
      '/dashboard/sources',
      '/dashboard/zones/yongkang',
      '/dashboard/sources/003_037c2896ec0aa84d.txt',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('id="dashboard-config"');
    }
  });

  it('references only local URLs, each of which is served, and ECharts is the installed bundle', async () => {
    const html = await (await fetch(`${origin}/dashboard`)).text();
    const urls = referencedUrls(html);
    expect(urls).toEqual(expect.arrayContaining(['/dashboard/assets/echarts.min.js', '/dashboard/assets/app.js', '/dashboard/assets/dashboard.css']));
    for (const url of urls) {
      expect(url).toMatch(/^(\/dashboard\/assets\/[\w./-]+|data:,)$/);
      if (url.startsWith('data:')) continue;
      const response = await fetch(`${origin}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
    }
    const echarts = await fetch(`${origin}/dashboard/assets/echarts.min.js`);
    expect(echarts.headers.get('content-type')).toMatch(/javascript/);
    expect(Buffer.from(await echarts.arrayBuffer()).equals(readFileSync(resolveDashboardFiles().echartsFile))).toBe(true);
  });

  it("serves every module the app imports, and no asset names another host's URL", async () => {
    const seen = new Set<string>();
    const pending = ['/dashboard/assets/app.js', '/dashboard/assets/dashboard.css'];
    while (pending.length > 0) {
      const url = pending.pop() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(`${origin}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const text = await response.text();
      expect({ url, external: text.match(/\bhttps?:\/\/[^\s'"`)]+/g) ?? [] }).toEqual({ url, external: [] });
      for (const reference of referencedUrls(text)) {
        expect({ url, reference }).toEqual({ url, reference: expect.stringMatching(/^\.{1,2}\//) });
        pending.push(new URL(reference, `${origin}${url}`).pathname);
      }
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(['/dashboard/assets/labels.json', '/dashboard/assets/pages/compare.js', '/dashboard/assets/pages/selection.js']),
    );
  });

  it('embeds the operations the page sends', async () => {
    const config = configOf(await (await fetch(`${origin}/dashboard`)).text());
    expect(config.endpoint).toBe('/graphql');
    expect(Object.keys(config.operations)).toEqual(
      expect.arrayContaining(['compareZones', 'zone', 'selectBenchmarkSites', 'saveSelectionRun', 'sourceDocument']),
    );
    expect(config.operations.compareZones).toMatch(/^query DashboardCompareZones\(/);
  });

  it('pre-fills the development credential for a browser on this machine only', async () => {
    expect(configOf(await (await fetch(`${origin}/dashboard`)).text()).devCredential).toBe(CREDENTIAL);
    expect(configOf((await rawGet('/dashboard', `localhost:${(server.address() as AddressInfo).port}`)).body).devCredential).toBe(CREDENTIAL);
    const proxied = await (await fetch(`${origin}/dashboard`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).text();
    expect(configOf(proxied).devCredential).toBeNull();
    expect(proxied).not.toContain(CREDENTIAL);
    const rebound = (await rawGet('/dashboard', 'evil.example')).body;
    expect(configOf(rebound).devCredential).toBeNull();
    expect(rebound).not.toContain(CREDENTIAL);
  });

  it('never embeds a credential when the gateway has none', async () => {
    const app = express();
    app.use(dashboardRouter({}));
    const plain = createServer(app);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const html = await (await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/dashboard`)).text();
      expect(configOf(html).devCredential).toBeNull();
      expect(html).not.toContain('dzk_');
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it('says what is missing, with 503, when the dashboard files were left out of a deployment', async () => {
    const app = express();
    app.use(dashboardRouter({ dashboardDir: '/nonexistent/dashboard' }));
    app.get('/graphql', (_req, res) => res.send('still here'));
    const partial = createServer(app);
    await new Promise<void>((resolve) => partial.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(partial.address() as AddressInfo).port}`;
      for (const path of ['/dashboard', '/dashboard/assets/app.js']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(503);
        expect(await response.text()).toMatch(/^The dashboard is not installed: dashboard assetsDir is missing: expected \/nonexistent\/dashboard\/assets/);
      }
      expect(await (await fetch(`${base}/graphql`)).text()).toBe('still here');
    } finally {
      await new Promise<void>((resolve) => partial.close(() => resolve()));
    }
  });

  it('answers 404 naming the parameter for a malformed zone id or file name, and for unknown pages and assets', async () => {
    const zone = await fetch(`${origin}/dashboard/zones/Not_A_Zone`);
    expect(zone.status).toBe(404);
    expect(await zone.text()).toMatch(/^zoneId: /);
    const file = await fetch(`${origin}/dashboard/sources/.hidden`);
    expect(file.status).toBe(404);
    expect(await file.text()).toMatch(/^fileName: /);
    expect((await fetch(`${origin}/dashboard/nothing-here`)).status).toBe(404);
    expect((await fetch(`${origin}/dashboard/assets/missing.js`)).status).toBe(404);
    for (const path of [
      '/dashboard/assets/../../package.json',
      '/dashboard/assets/..%2f..%2fpackage.json',
      '/dashboard/assets/%2e%2e/operations/zone.graphql',
    ]) {
      const response = await rawGet(path);
      expect({ path, refused: response.status >= 400 }).toEqual({ path, refused: true });
      expect(response.body).not.toContain('DashboardZone');
      expect(response.body).not.toContain('"name"');
    }
  });
});
