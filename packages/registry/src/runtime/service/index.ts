export * from './outcomes';
export * from './zoneServiceProbe';
