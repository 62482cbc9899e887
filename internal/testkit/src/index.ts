export * from './databases';
export * from './graphqlClient';
export * from './startTestStack';
export * from './browser/findChromium';
export * from './browser/launchChromium';
export * from './browser/describeInBrowser';
export * from './browser/graphiqlEditors';
export { generateSigningKeys, postSignedGraphQL, type SignedGraphQLBody } from '@devzone/stack';
export * from './processes';
