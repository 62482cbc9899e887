export * from './startStack';
export * from './zoneServices';
export * from './signedGraphQLClient';
export { issueDevCredential } from './devCredential';
export { generateSigningKeys, type SigningKeys } from '@devzone/auth';
export { serviceDatabaseName } from '@devzone/service-shell';
