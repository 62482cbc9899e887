export { viewsRouter, type ViewsRouterOptions } from './viewsRouter';
export { VIEWS } from './definitions';
export { serveViews, type ServedView } from './servedViews';
export { openApiDocument } from './openApiDocument';
export { loadApiSchema, loadStoredOperation, VIEWS_OPERATIONS_DIR, API_SCHEMA_FILE } from './storedOperations';
export { expandColumns, isColumnGroup, STATUS_COLUMNS, type ColumnType, type ViewColumn, type ColumnGroup, type Row, type CellValue } from './columns';
export type { View, ViewDefinition } from './viewDefinition';
