export * from './answerHeaders';
export * from './boundedAnswer';
export * from './errors';
export * from './graphqlHttpClient';
export * from './persistedQueries';
export * from './pooledHttpClient';
