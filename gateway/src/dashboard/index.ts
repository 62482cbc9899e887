export { dashboardRouter, type DashboardRouterOptions } from './dashboardRouter';
export { loadDashboardOperations, type DashboardOperations } from './dashboardOperations';
export { resolveDashboardFiles, type DashboardFiles } from './dashboardFiles';
export { renderDashboardPage, type DashboardConfig, type DashboardPageOptions } from './renderDashboardPage';
