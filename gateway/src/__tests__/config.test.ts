import { loadGatewayConfig } from '../config';

const zoneServices = JSON.stringify([{ name: 'anhui', url: 'http://localhost:4101/graphql', zoneIds: ['chuzhou', 'feixi'] }]);

describe('loadGatewayConfig', () => {
  it('reads the environment, with defaults', () => {
    const config = loadGatewayConfig({ PROVINCE_URL: 'http://localhost:4100/graphql', ZONE_SERVICES: zoneServices });

    expect(config).toMatchObject({ port: 4000, provinceUrl: 'http://localhost:4100/graphql', timeoutMs: 5000 });
    expect(config.registry.serviceForZone('feixi')?.name).toBe('anhui');
  });

  it('reads PORT and ZONE_TIMEOUT_MS', () => {
    const config = loadGatewayConfig({ PORT: '0', ZONE_TIMEOUT_MS: '250', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices });

    expect(config).toMatchObject({ port: 0, timeoutMs: 250 });
  });

  it.each([
    [{ ZONE_SERVICES: zoneServices }, /PROVINCE_URL/],
    [{ PROVINCE_URL: 'not a url', ZONE_SERVICES: zoneServices }, /PROVINCE_URL/],
    [{ PORT: 'eighty', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices }, /PORT/],
    [{ ZONE_TIMEOUT_MS: '-1', PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: zoneServices }, /ZONE_TIMEOUT_MS/],
    [{ PROVINCE_URL: 'http://p/graphql' }, /ZONE_SERVICES is not set/],
    [{ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: '[{' }, /ZONE_SERVICES is not valid JSON/],
    [{ PROVINCE_URL: 'http://p/graphql', ZONE_SERVICES: '[{"name":"anhui","url":"x","zoneIds":[]}]' }, /ZONE_SERVICES is invalid: \[0\]\.url/],
  ])('names the invalid variable (%j)', (env, message) => {
    expect(() => loadGatewayConfig(env)).toThrow(message);
  });
});
