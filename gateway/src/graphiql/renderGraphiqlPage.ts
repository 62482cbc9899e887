import type { GraphiqlAsset } from './graphiqlAssets';

export interface GraphiqlPageOptions {
  /** URL path the assets are served under, e.g. `/graphiql/assets`. */
  readonly assetsPath: string;
  /** URL path of the GraphQL endpoint, e.g. `/graphql`. */
  readonly endpointPath: string;
  readonly assets: readonly GraphiqlAsset[];
  /** @default 'DevZone GraphiQL' */
  readonly title?: string;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/** A JSON literal safe inside a `<script>` element. */
function scriptLiteral(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The GraphiQL page: every URL in it is a path on this server, nothing from a CDN. */
export function renderGraphiqlPage({ assetsPath, endpointPath, assets, title = 'DevZone GraphiQL' }: GraphiqlPageOptions): string {
  const href = (asset: GraphiqlAsset) => escapeHtml(`${assetsPath}/${asset.name}`);
  const styles = assets.filter((a) => a.kind === 'stylesheet').map((a) => `<link rel="stylesheet" href="${href(a)}" />`);
  const scripts = assets.filter((a) => a.kind === 'script').map((a) => `<script src="${href(a)}"></script>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)}</title>
${styles.join('\n')}
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
${scripts.join('\n')}
<script>
  const endpoint = new URL(${scriptLiteral(endpointPath)}, window.location.href).href;
  const fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
  );
</script>
</body>
</html>
`;
}
