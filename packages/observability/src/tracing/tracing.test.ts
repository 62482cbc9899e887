import { ValidationError } from '@devzone/errors';
import { startTracing } from './startTracing';
import { tracingSettingsFromEnv } from './tracingSettings';
import { tracingStarted } from './tracingState';
import { withSpan } from './withSpan';

/** Set when anything requires the module that loads the SDK. */
let mockSdkLoaded = false;
jest.mock('./nodeSdk', () => {
  mockSdkLoaded = true;
  return { startNodeSdk: () => ({ exporter: 'console', serviceName: 'mocked', shutdown: async () => undefined }) };
});

describe('tracing switch', () => {
  it('is off unless OTEL_TRACES_EXPORTER names otlp or console', () => {
    expect(tracingSettingsFromEnv({})).toEqual({ exporter: 'none', serviceName: undefined });
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: ' ' }).exporter).toBe('none');
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'none' }).exporter).toBe('none');
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'OTLP', OTEL_SERVICE_NAME: 'gw-1' })).toEqual({ exporter: 'otlp', serviceName: 'gw-1' });
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'console' }).exporter).toBe('console');
  });

  it('names the variable when it is not an exporter this platform ships', () => {
    expect(() => tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(ValidationError);
    expect(() => tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp,console' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });

  it('when off, starts nothing and loads nothing of the SDK; spans only run their work', async () => {
    expect(startTracing('gateway', {})).toBeUndefined();
    expect(tracingStarted()).toBe(false);
    expect(mockSdkLoaded).toBe(false);
    await expect(withSpan('work', {}, async (span) => (span.fail('ignored'), 42))).resolves.toBe(42);
  });

  it('when on, loads the SDK once and keeps the first start', () => {
    const first = startTracing('gateway', { OTEL_TRACES_EXPORTER: 'console' });
    expect(mockSdkLoaded).toBe(true);
    expect(tracingStarted()).toBe(true);
    expect(startTracing('other', { OTEL_TRACES_EXPORTER: 'otlp' })).toBe(first);
  });
});
