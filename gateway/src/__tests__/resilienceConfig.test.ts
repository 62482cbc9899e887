import { RESILIENCE_DEFAULTS } from '@devzone/shard-router';
import { loadResilienceConfig } from '../resilienceConfig';

describe('loadResilienceConfig', () => {
  it('gives the defaults when nothing is set, blank included', () => {
    expect(loadResilienceConfig({ PROVINCE_TIMEOUT_MS: ' ' })).toEqual(RESILIENCE_DEFAULTS);
  });

  it('reads every variable, retries off with RETRY_MAX_JITTER_MS=off', () => {
    expect(
      loadResilienceConfig({
        ZONE_TIMEOUT_MS: '2000',
        PROVINCE_TIMEOUT_MS: '3000',
        GATEWAY_REQUEST_TIMEOUT_MS: '8000',
        BREAKER_FAILURE_THRESHOLD: '3',
        BREAKER_COOL_DOWN_MS: '5000',
        RETRY_MAX_JITTER_MS: 'off',
        SUBGRAPH_MAX_RESPONSE_BYTES: '1048576',
      }),
    ).toEqual({
      timeoutMs: 2000,
      provinceTimeoutMs: 3000,
      requestTimeoutMs: 8000,
      breakerFailureThreshold: 3,
      breakerCoolDownMs: 5000,
      retryMaxJitterMs: null,
      maxResponseBytes: 1048576,
    });
  });

  it('names each invalid variable', () => {
    expect(() => loadResilienceConfig({ BREAKER_FAILURE_THRESHOLD: '0', GATEWAY_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /BREAKER_FAILURE_THRESHOLD[\s\S]*GATEWAY_REQUEST_TIMEOUT_MS|GATEWAY_REQUEST_TIMEOUT_MS[\s\S]*BREAKER_FAILURE_THRESHOLD/,
    );
  });
});
