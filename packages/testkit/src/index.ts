export * from './databases';
export * from './graphqlClient';
