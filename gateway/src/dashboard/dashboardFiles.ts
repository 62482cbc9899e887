import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the dashboard's browser files are on disk. */
export interface DashboardFiles {
  /** The page's scripts and styles (gateway/dashboard/assets), served as they are: no build step. */
  readonly assetsDir: string;
  /** The GraphQL operations the page sends (gateway/dashboard/operations/*.graphql). */
  readonly operationsDir: string;
  /** The fragments those operations spread (gateway/dashboard/fragments/*.graphql). */
  readonly fragmentsDir: string;
  /** ECharts' browser bundle from the installed package, so the page works offline. */
  readonly echartsFile: string;
}

/** gateway/dashboard, the same from gateway/src/dashboard (tests) and gateway/dist/dashboard (built). */
const DASHBOARD_DIR = join(__dirname, '..', '..', 'dashboard');

/** The dashboard's files; throws, naming the path, when one is missing. */
export function resolveDashboardFiles(dashboardDir: string = DASHBOARD_DIR): DashboardFiles {
  const files: DashboardFiles = {
    assetsDir: join(dashboardDir, 'assets'),
    operationsDir: join(dashboardDir, 'operations'),
    fragmentsDir: join(dashboardDir, 'fragments'),
    echartsFile: require.resolve('echarts/dist/echarts.min.js'),
  };
  for (const [name, path] of Object.entries(files)) {
    if (!existsSync(path)) throw new Error(`dashboard ${name} is missing: expected ${path}`);
  }
  return files;
}
