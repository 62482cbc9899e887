export * from './commonZonesSdl';
export * from './classifySupergraphChange';
