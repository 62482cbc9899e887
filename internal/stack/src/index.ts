export * from './startStack';
export * from './zoneServices';
export * from './signedGraphQLClient';
export { generateSigningKeys, type SigningKeys } from '@devzone/auth';
