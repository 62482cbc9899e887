import { ValidationError } from '@devzone/errors';
import { judgeMetricsRequest, metricsAccessFromEnv, type MetricsAccessRule } from './metricsAccess';

const TOKEN = 'scrape-token-0123456789';
const closed: MetricsAccessRule = { public: false, token: undefined };
const withToken: MetricsAccessRule = { public: false, token: TOKEN };

describe('who may read /metrics', () => {
  it('lets a loopback caller in, over IPv4, IPv6 and IPv4-mapped IPv6', () => {
    for (const remoteAddress of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      expect(judgeMetricsRequest(closed, { remoteAddress, headers: {} })).toEqual({ allowed: true });
    }
  });

  it('refuses any other address with 403 when no token is set, whatever it sends', () => {
    for (const remoteAddress of ['10.0.0.5', '192.168.1.20', '::ffff:10.1.2.3', 'fe80::1', undefined]) {
      expect(judgeMetricsRequest(closed, { remoteAddress, headers: { authorization: `Bearer ${TOKEN}` } })).toMatchObject({ allowed: false, status: 403 });
    }
  });

  it('treats a loopback connection carrying forwarding headers as the remote caller a local proxy forwards', () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      expect(judgeMetricsRequest(closed, { remoteAddress: '127.0.0.1', headers: { [header]: '203.0.113.9' } })).toMatchObject({ allowed: false, status: 403 });
    }
  });

  it('lets a remote caller in with the bearer token only', () => {
    const remote = { remoteAddress: '10.0.0.5' };
    expect(judgeMetricsRequest(withToken, { ...remote, headers: { authorization: `Bearer ${TOKEN}` } })).toEqual({ allowed: true });
    expect(judgeMetricsRequest(withToken, { ...remote, headers: { authorization: `bearer ${TOKEN}` } })).toEqual({ allowed: true });
    expect(judgeMetricsRequest(withToken, { ...remote, headers: { authorization: `Bearer ${TOKEN}x` } })).toMatchObject({ allowed: false, status: 401 });
    expect(judgeMetricsRequest(withToken, { ...remote, headers: { authorization: TOKEN } })).toMatchObject({ allowed: false, status: 401 });
    expect(judgeMetricsRequest(withToken, { ...remote, headers: {} })).toMatchObject({ allowed: false, status: 401 });
  });

  it('lets everyone in when public', () => {
    expect(judgeMetricsRequest({ public: true, token: undefined }, { remoteAddress: '10.0.0.5', headers: {} })).toEqual({ allowed: true });
  });

  it('reads METRICS_PUBLIC and METRICS_TOKEN, blank as unset, naming a bad one', () => {
    expect(metricsAccessFromEnv({})).toEqual({ public: false, token: undefined });
    expect(metricsAccessFromEnv({ METRICS_PUBLIC: ' ', METRICS_TOKEN: '' })).toEqual({ public: false, token: undefined });
    expect(metricsAccessFromEnv({ METRICS_PUBLIC: '1', METRICS_TOKEN: TOKEN })).toEqual({ public: true, token: TOKEN });
    expect(() => metricsAccessFromEnv({ METRICS_PUBLIC: 'yes' })).toThrow(ValidationError);
    expect(() => metricsAccessFromEnv({ METRICS_PUBLIC: 'yes' })).toThrow(/METRICS_PUBLIC/);
    expect(() => metricsAccessFromEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
