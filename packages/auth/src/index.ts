export * from './principal/principal';
export * from './principal/principalHeader';
export * from './signing';
export * from './credentials';
