import type { Page } from 'playwright-core';

/** GraphiQL 3's editors are CodeMirror 5 instances inside these containers. */
export type GraphiqlEditor = 'query' | 'variables' | 'response';

const CONTAINER: Record<GraphiqlEditor, string> = {
  query: '.graphiql-query-editor',
  variables: '.graphiql-editor-tool',
  response: '.graphiql-response',
};

// Page scripts are passed as strings: the test programs are compiled without the DOM library.
const codeMirror = (editor: GraphiqlEditor) => `document.querySelector(${JSON.stringify(`${CONTAINER[editor]} .CodeMirror`)})?.CodeMirror`;

/** The text in one of GraphiQL's editors ('' before it is mounted). */
export async function graphiqlEditorText(page: Page, editor: GraphiqlEditor): Promise<string> {
  const value: unknown = await page.evaluate(`${codeMirror(editor)}?.getValue() ?? ''`);
  return typeof value === 'string' ? value : '';
}

/** Replaces the query in the editor, as typing would (GraphiQL then writes it into the URL). */
export async function setGraphiqlQuery(page: Page, query: string): Promise<void> {
  await page.evaluate(`${codeMirror('query')}.setValue(${JSON.stringify(query)})`);
}

/** Waits until GraphiQL is mounted with its query editor. */
export async function waitForGraphiql(page: Page): Promise<void> {
  await page.waitForSelector(`${CONTAINER.query} .CodeMirror`);
}

/** Clicks "run" and returns the response text once it holds `data`. */
export async function runGraphiqlQuery(page: Page): Promise<string> {
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(`(${codeMirror('response')}?.getValue() ?? '').includes('"data"')`);
  return graphiqlEditorText(page, 'response');
}
