export * from './databases';
export * from './graphqlClient';
export * from './startTestStack';
