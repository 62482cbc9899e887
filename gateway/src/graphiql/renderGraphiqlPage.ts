import type { GraphiqlAsset } from './graphiqlAssets';

export interface GraphiqlPageOptions {
  /** URL path the assets are served under, e.g. `/graphiql/assets`. */
  readonly assetsPath: string;
  /** URL path of the GraphQL endpoint, e.g. `/graphql`. */
  readonly endpointPath: string;
  readonly assets: readonly GraphiqlAsset[];
  /** @default 'DevZone GraphiQL' */
  readonly title?: string;
  /** Shown when the URL carries no `?query=`. @default GRAPHIQL_EXAMPLE_QUERY */
  readonly defaultQuery?: string;
  /**
   * `Authorization` value every request from the page carries (the local development
   * credential, for a page served to this machine only); the header editor still overrides it.
   */
  readonly authorization?: string;
}

/** What GraphiQL opens on: the analysts' comparison table. The test suite runs it against the seeded stack. */
export const GRAPHIQL_EXAMPLE_QUERY = `# Compare zones side by side: every figure with unit, period, precision
# and source, and per-province aggregates. Next: selectBenchmarkSites,
# benchmarkPresets, peerSuggestions (see the Docs pane, and docs/analysts.md).
{
  compareZones(provinces: ["anhui", "zhejiang"], indicators: ["party_org.count", "party_member.count", "org_coverage.rate"]) {
    rows {
      zone { id nameZh }
      cells {
        code
        status
        value
        unitLabel
        qualifier
        period
        provenance { kind document passage computation }
        note
      }
    }
    provinceAggregates { province { code } indicator valueCount mean min max qualifier }
    failedZones { zoneId service message }
  }
}
`;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/** A JSON literal safe inside a `<script>` element. */
function scriptLiteral(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The GraphiQL page: every URL in it is a path on this server, nothing from a CDN. */
export function renderGraphiqlPage({
  assetsPath,
  endpointPath,
  assets,
  title = 'DevZone GraphiQL',
  defaultQuery = GRAPHIQL_EXAMPLE_QUERY,
  authorization,
}: GraphiqlPageOptions): string {
  const fetcherHeaders = authorization ? `, headers: { Authorization: ${scriptLiteral(authorization)} }` : '';
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
  const fetcher = GraphiQL.createFetcher({ url: endpoint${fetcherHeaders} });
  // ?query= and ?variables= make a query shareable as a link; they are kept in the URL as it is edited.
  const params = new URLSearchParams(window.location.search);
  const keepInUrl = (name) => (value) => {
    const next = new URLSearchParams(window.location.search);
    next.set(name, value);
    window.history.replaceState(null, '', '?' + next.toString());
  };
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: ${scriptLiteral(defaultQuery)},
      query: params.get('query') ?? undefined,
      variables: params.get('variables') ?? undefined,
      onEditQuery: keepInUrl('query'),
      onEditVariables: keepInUrl('variables'),
    }),
  );
</script>
</body>
</html>
`;
}
