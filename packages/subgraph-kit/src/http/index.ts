export * from './signedRequestsOnly';
export * from './serveSignedGraphQL';
export * from './requestSigner';
