export * from './generatedFile';
export * from './generatedFiles';
export * from './renderOperationTypes';
export * from './renderSchemas';
