export * from './codes';
export * from './validation';
export * from './renderErrorDocs';
