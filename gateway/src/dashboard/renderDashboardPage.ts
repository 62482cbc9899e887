import type { DashboardOperations } from './dashboardOperations';

export interface DashboardPageOptions {
  /** URL path the page's scripts and styles are served under, e.g. `/dashboard/assets`. */
  readonly assetsPath: string;
  /** URL path the page's own routes live under, e.g. `/dashboard`. */
  readonly basePath: string;
  /** URL path of the GraphQL endpoint, e.g. `/graphql`. */
  readonly endpointPath: string;
  readonly operations: DashboardOperations;
  /** npm start's `Authorization` value, pre-filled in the sign-in form (a page served to this machine only). */
  readonly devCredential?: string;
}

/** What the page's scripts read at start (the `#dashboard-config` element). */
export interface DashboardConfig {
  readonly assetsPath: string;
  readonly basePath: string;
  readonly endpoint: string;
  readonly operations: DashboardOperations;
  readonly devCredential: string | null;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/** JSON inside a `<script type="application/json">` element: `<` escaped so no text closes it. */
function jsonScriptContent(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The dashboard's one HTML page (every route renders in it): ECharts and the app's modules from this
 * server, nothing from a CDN. The configuration is JSON data, not script, so the page's
 * Content-Security-Policy can allow scripts from this server only.
 */
export function renderDashboardPage({ assetsPath, basePath, endpointPath, operations, devCredential }: DashboardPageOptions): string {
  const config: DashboardConfig = { assetsPath, basePath, endpoint: endpointPath, operations, devCredential: devCredential ?? null };
  const asset = (name: string) => escapeHtml(`${assetsPath}/${name}`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>开发区两新党建数据看板</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="${asset('dashboard.css')}" />
<script type="application/json" id="dashboard-config">${jsonScriptContent(config)}</script>
<script src="${asset('echarts.min.js')}"></script>
<script type="module" src="${asset('app.js')}"></script>
</head>
<body>
<div id="app"><p class="loading">正在加载… Loading…</p></div>
<noscript>本看板需要启用 JavaScript。 The dashboard needs JavaScript.</noscript>
</body>
</html>
`;
}
