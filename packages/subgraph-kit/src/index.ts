export * from './federation/buildFederatedSchema';
export * from './federation/validateArguments';
export * from './graphql/sharedEnums';
export * from './schemas/sourceRef';
export * from '@devzone/service-shell';
export * from './http';
export { encodePrincipal, envSigningKeys, PRINCIPAL_HEADER, signRequest, SIGNING_KEYS_VARIABLE, type Principal, type SigningKeys } from '@devzone/auth';
export * from './guard';
export * from './graphql/figureSheet';
