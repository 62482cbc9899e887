import { ValidationError } from '@devzone/errors';
import { z } from 'zod';
import {
  envFixedPort,
  envHost,
  envOptionalListenPort,
  envOptionalPort,
  envOptionalString,
  envPort,
  envPostgresUrl,
  envTimeoutMs,
  envUrl,
  parseEnvironment,
} from './envRules';

const schema = z.object({
  PORT: envPort(4000),
  PG_PORT: envFixedPort(54320),
  HOST: envHost,
  DATABASE_URL: envPostgresUrl,
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
  PROVINCE_URL: envUrl('http://localhost:4001/graphql'),
  SOURCES_DIR: envOptionalString,
});

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    parseEnvironment(schema, env);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((i) => `${i.field}: ${i.message}`);
  }
}

describe('the environment rules every service applies', () => {
  it('gives the defaults when a variable is unset or blank, and binds to loopback', () => {
    const defaults = {
      PORT: 4000,
      PG_PORT: 54320,
      HOST: '127.0.0.1',
      DATABASE_URL: undefined,
      ZONE_TIMEOUT_MS: 5000,
      PROVINCE_URL: 'http://localhost:4001/graphql',
      SOURCES_DIR: undefined,
    };
    expect(parseEnvironment(schema, {})).toEqual(defaults);
    expect(parseEnvironment(schema, { PORT: '', PG_PORT: ' ', HOST: '', DATABASE_URL: '', ZONE_TIMEOUT_MS: '  ', PROVINCE_URL: '', SOURCES_DIR: '' })).toEqual(
      defaults,
    );
  });

  it('reads set values', () => {
    expect(parseEnvironment(schema, { PORT: '0', HOST: '0.0.0.0', DATABASE_URL: 'postgresql://db/x', ZONE_TIMEOUT_MS: '250' })).toMatchObject({
      PORT: 0,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://db/x',
      ZONE_TIMEOUT_MS: 250,
    });
  });

  it('names every bad variable', () => {
    expect(problems({ PORT: '70000', PG_PORT: '0', DATABASE_URL: 'mysql://db', ZONE_TIMEOUT_MS: '50', PROVINCE_URL: 'ftp://x' })).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^PG_PORT: /),
      'DATABASE_URL: must be a postgres:// URL',
      expect.stringMatching(/^ZONE_TIMEOUT_MS: /),
      expect.stringMatching(/^PROVINCE_URL: /),
    ]);
    expect(problems({ ZONE_TIMEOUT_MS: '120001' })).toEqual([expect.stringMatching(/^ZONE_TIMEOUT_MS: /)]);
  });

  it('lets an optional listening port be 0 (a free one) but keeps an optional fixed port at 1 or more', () => {
    const optional = z.object({ PORT: envOptionalListenPort, EMBEDDED_PG_PORT: envOptionalPort });
    expect(parseEnvironment(optional, {})).toEqual({ PORT: undefined, EMBEDDED_PG_PORT: undefined });
    expect(parseEnvironment(optional, { PORT: ' ', EMBEDDED_PG_PORT: '' })).toEqual({ PORT: undefined, EMBEDDED_PG_PORT: undefined });
    expect(parseEnvironment(optional, { PORT: '0', EMBEDDED_PG_PORT: '50011' })).toEqual({ PORT: 0, EMBEDDED_PG_PORT: 50011 });
    expect(() => parseEnvironment(optional, { PORT: '65536' })).toThrow(ValidationError);
    expect(() => parseEnvironment(optional, { PORT: '-1' })).toThrow(ValidationError);
    expect(() => parseEnvironment(optional, { EMBEDDED_PG_PORT: '0' })).toThrow(ValidationError);
  });
});
