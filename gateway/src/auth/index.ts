export * from './authConfig';
export * from './authenticator';
export * from './gatewayAuth';
export * from './provinceApiKeyVerifier';
export * from './requestPrincipal';
export * from './requireAuthentication';
