export * from './federation/buildFederatedSchema';
export * from './federation/validateArguments';
export * from './graphql/sharedEnums';
export * from './schemas/sourceRef';
export * from '@devzone/service-shell';
