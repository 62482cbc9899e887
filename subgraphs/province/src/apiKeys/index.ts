export * from './apiKeyGrant';
export * from './apiKeyStore';
