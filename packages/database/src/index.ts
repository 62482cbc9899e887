export * from './dataSource';
export * from './embeddedServer';
export * from './statementCounter';
