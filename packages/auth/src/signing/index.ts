export * from './signatureHeaders';
export * from './signingKeys';
export * from './signRequest';
export * from './verifyRequest';
