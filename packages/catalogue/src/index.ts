export * from './indicators';
export * from './units';
