import { serviceDatabaseName } from './serviceDatabase';

describe('serviceDatabaseName', () => {
  it('names the database devzone_<name>, dashes as underscores (existing .data folders rely on it)', () => {
    expect(serviceDatabaseName('province')).toBe('devzone_province');
    expect(serviceDatabaseName('anhui')).toBe('devzone_anhui');
    expect(serviceDatabaseName('some-zone-service')).toBe('devzone_some_zone_service');
  });
});
