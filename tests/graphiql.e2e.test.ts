/**
 * GraphiQL at the URL `npm start` prints, in a real browser (headless Chromium):
 * it opens, runs a query, survives a reload of the `?query=` link GraphiQL writes
 * into the address bar, and opens a shared link with its query and variables.
 * GraphQL clients keep Apollo's CSRF prevention exactly as before.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, graphiqlEditorText, runGraphiqlQuery, setGraphiqlQuery, startTestStack, waitForGraphiql } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';

const SHARED_QUERY = 'query Zone($id: ID!) { zone(id: $id) { id nameZh } }';
const SHARED_VARIABLES = '{"id":"chuzhou"}';

let stack: RunningStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describeInBrowser('GraphiQL in a browser', ({ chromium }) => {
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    page = await chromium().browser.newPage();
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !request.url().startsWith('data:')) outside.push(request.url());
    });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('opens at the printed URL, runs a query and keeps it in the address bar', async () => {
    await page.goto(stack.gatewayUrl);
    await waitForGraphiql(page);
    expect(await graphiqlEditorText(page, 'query')).toContain('compareZones');

    await setGraphiqlQuery(page, '{ zones(province: "anhui") { id } }');
    await page.waitForURL((url) => url.searchParams.get('query') === '{ zones(province: "anhui") { id } }');
    expect(await runGraphiqlQuery(page)).toContain('"chuzhou"');
  });

  it('survives a reload (F5) of the link GraphiQL wrote', async () => {
    const before = page.url();
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(page.url()).toBe(before);
    await waitForGraphiql(page);
    expect(await graphiqlEditorText(page, 'query')).toBe('{ zones(province: "anhui") { id } }');
    expect(await runGraphiqlQuery(page)).toContain('"chuzhou"');
  });

  it('opens a shared link with its query and variables, in a fresh tab', async () => {
    const link = `${stack.gatewayUrl}?${new URLSearchParams({ query: SHARED_QUERY, variables: SHARED_VARIABLES }).toString()}`;
    const colleague = await chromium().browser.newPage();
    try {
      const response = await colleague.goto(link);
      expect(response?.status()).toBe(200);
      await waitForGraphiql(colleague);
      expect(await graphiqlEditorText(colleague, 'query')).toBe(SHARED_QUERY);
      expect(await graphiqlEditorText(colleague, 'variables')).toBe(SHARED_VARIABLES);
      expect(await runGraphiqlQuery(colleague)).toContain('滁州经开区');
    } finally {
      await colleague.close();
    }
  });

  it('loads nothing from outside this machine', () => {
    expect(outside).toEqual([]);
  });
});

describe('GraphQL clients at /graphql keep CSRF prevention', () => {
  it('refuses a simple GET without a preflight header, as before', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', authorization: stack.credential },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('answers a GET that carries a preflight header', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: stack.credential },
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
