import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A browser file GraphiQL needs, served from node_modules so the page works offline. */
export interface GraphiqlAsset {
  /** File name under the assets path, e.g. `graphiql.min.js`. */
  readonly name: string;
  /** Absolute path on disk. */
  readonly file: string;
  readonly kind: 'script' | 'stylesheet';
}

function packageDir(name: string): string {
  // graphiql's `exports` hides its UMD files but exposes package.json.
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * React 18 and GraphiQL 3 UMD bundles, in the order the page must load them
 * (GraphiQL's UMD build reads the `React` and `ReactDOM` globals).
 * Throws, naming the file, if one is missing.
 */
export function resolveGraphiqlAssets(): readonly GraphiqlAsset[] {
  const assets: GraphiqlAsset[] = [
    { name: 'graphiql.min.css', file: join(packageDir('graphiql'), 'graphiql.min.css'), kind: 'stylesheet' },
    { name: 'react.production.min.js', file: join(packageDir('react'), 'umd', 'react.production.min.js'), kind: 'script' },
    { name: 'react-dom.production.min.js', file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), kind: 'script' },
    { name: 'graphiql.min.js', file: join(packageDir('graphiql'), 'graphiql.min.js'), kind: 'script' },
  ];
  for (const asset of assets) {
    if (!existsSync(asset.file)) throw new Error(`GraphiQL asset ${asset.name} is missing: expected ${asset.file}`);
  }
  return assets;
}
