import { Writable } from 'node:stream';
import { ERRORS } from '@devzone/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { formatGatewayError, gatewayErrorsPlugin, redactInternals } from '../formatGatewayError';

function capture() {
  const lines: string[] = [];
  const log = pino(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  );
  return { log, lines };
}

const formatted = (error: GraphQLError): GraphQLFormattedError => ({
  ...error.toJSON(),
  extensions: { ...error.extensions, stacktrace: ['Error: x', '    at f (/work/main/x.ts:1:1)'] },
});

describe('formatGatewayError', () => {
  it('masks an error whose code is not in the registry', () => {
    const original = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5441', { extensions: { code: 'ECONNREFUSED' } });

    const answer = formatGatewayError()(formatted(original), original);

    expect(answer).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps a registry error’s message and extensions, without stack or internals', () => {
    const original = ERRORS.ZONE_UNAVAILABLE.err('Zone "feixi" is unavailable: fetch failed at http://10.0.0.7:4014/graphql', {
      zoneId: 'feixi',
      response: { url: 'x' },
    });

    const answer = formatGatewayError()(formatted(original), original);

    expect(answer.message).toBe('Zone "feixi" is unavailable: fetch failed at [address]');
    expect(answer.extensions).toEqual({ code: 'ZONE_UNAVAILABLE', zoneId: 'feixi' });
  });

  it('answers errors as they are, stack included, in debug mode', () => {
    const original = new GraphQLError('boom', { extensions: { code: 'WHATEVER' } });
    const answer = formatGatewayError({ debug: true })(formatted(original), original);

    expect(answer.message).toBe('boom');
    expect(answer.extensions?.stacktrace).toBeDefined();
  });
});

describe('gatewayErrorsPlugin', () => {
  const context = { requestId: 'req-plugin-0001' };
  type Hooks = {
    didEncounterErrors(args: { contextValue: typeof context; errors: readonly GraphQLError[] }): Promise<void>;
    willSendResponse(args: {
      contextValue: typeof context;
      response: { body: { kind: 'single'; singleResult: { errors?: GraphQLFormattedError[] } } };
    }): Promise<void>;
  };
  const hooksOf = async (log: ReturnType<typeof capture>['log']) =>
    (await gatewayErrorsPlugin<typeof context>(log).requestDidStart!({} as never)) as unknown as Hooks;

  it('logs an unexpected error in full with the request id, and no error the registry knows', async () => {
    const { log, lines } = capture();
    const hooks = await hooksOf(log);
    const unexpected = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5441', { extensions: { code: 'ECONNREFUSED' } });
    const known = ERRORS.ZONE_UNAVAILABLE.err('Zone "feixi" is unavailable', { zoneId: 'feixi' });

    await hooks.didEncounterErrors({ contextValue: context, errors: [unexpected, known] });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual(
      expect.objectContaining({ msg: 'unexpected error', requestId: 'req-plugin-0001', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5441' }),
    );
  });

  it('gives every answered error the request id', async () => {
    const hooks = await hooksOf(capture().log);
    const response = {
      body: {
        kind: 'single' as const,
        singleResult: {
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            { message: 'x', path: ['zone'] },
          ],
        },
      },
    };

    await hooks.willSendResponse({ contextValue: context, response });

    expect(response.body.singleResult.errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-plugin-0001' } },
      { message: 'x', path: ['zone'], extensions: { requestId: 'req-plugin-0001' } },
    ]);
  });
});

describe('redactInternals', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:5441', 'connect ECONNREFUSED [address]'],
    ['at postgres://user:pw@db-anhui:5432/devzone', 'at [address]'],
    ['reached localhost:4013 and db.internal:5432', 'reached [address] and [address]'],
    ['[::1]:4000 refused', '[address] refused'],
    ['in /work/main/gateway/src/main.ts', 'in [path]'],
    ['Error: x\n    at f (/a/b.ts:1:1)', 'Error: x'],
  ])('%j → %j', (message, redacted) => {
    expect(redactInternals(message)).toBe(redacted);
  });

  it.each(['No enterprise "yongkang:1001"', 'period 2018/2019', 'dated 2020/01/02', 'org_coverage.rate is 71'])('leaves %j alone', (message) => {
    expect(redactInternals(message)).toBe(message);
  });
});
