import { resolve } from 'node:path';
import { ENTERPRISES_QUERY, FIGURES_BY_FIELD_QUERY, FIGURES_ENTITIES_QUERY } from '@devzone/province';
import type { GeneratedFile } from './generatedFile';
import { operationsInFolder, renderOperationTypes } from './renderOperationTypes';
import { renderSchemas } from './renderSchemas';

/** The repository root (from src/ and dist/ alike). */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');

/** Every generated file the repository keeps, rendered afresh from the sources. */
export async function renderGeneratedFiles(root: string = REPOSITORY_ROOT): Promise<GeneratedFile[]> {
  const { files, apiSchema, zoneSubgraphSchema } = await renderSchemas();
  const docsQueries = await renderOperationTypes(apiSchema, {
    output: 'tests/generated/docsQueries.ts',
    from: 'the example operations in docs/queries/',
    documents: operationsInFolder(root, 'docs/queries'),
  });
  const zoneReader = await renderOperationTypes(apiSchema, {
    output: 'subgraphs/province/src/zoneReader/zoneReaderOperations.generated.ts',
    from: "the province's zone-reader operations (zoneReaderOperations.ts)",
    documents: [
      { location: 'zoneReaderOperations.ts#ENTERPRISES_QUERY', text: ENTERPRISES_QUERY },
      { location: 'zoneReaderOperations.ts#FIGURES_BY_FIELD_QUERY', text: FIGURES_BY_FIELD_QUERY },
    ],
  });
  const zoneEntities = await renderOperationTypes(zoneSubgraphSchema, {
    output: 'subgraphs/province/src/zoneReader/zoneEntityOperations.generated.ts',
    from: "the province's `_entities` operations, against the zone subgraph's schema (zoneReaderOperations.ts)",
    documents: [{ location: 'zoneReaderOperations.ts#FIGURES_ENTITIES_QUERY', text: FIGURES_ENTITIES_QUERY }],
    scalars: { _Any: 'unknown', FigureSheet: 'unknown' },
  });
  return [...files, docsQueries, zoneReader, zoneEntities];
}
