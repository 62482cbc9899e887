import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '@devzone/errors';
import { observeHttpRequests, requestLog } from '../http/observeHttpRequests';
import { createServiceMetrics } from '../metrics/serviceMetrics';
import { createLogger, logLevelFromEnv } from './createLogger';

/** A pino destination keeping each JSON line. */
function captured() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line, with the name, the level as a word, an ISO time and the request id a child is bound to', () => {
    const { destination, records } = captured();
    const log = createLogger('zone-anhui', { level: 'info', destination });
    log.info('outside a request');
    log.child({ requestId: 'req-00000001' }).warn({ service: 'anhui' }, 'inside');
    log.debug('below the level');
    expect(records()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        pid: process.pid,
        hostname: expect.any(String),
        name: 'zone-anhui',
        msg: 'outside a request',
      },
      expect.objectContaining({ level: 'warn', name: 'zone-anhui', requestId: 'req-00000001', service: 'anhui', msg: 'inside' }),
    ]);
  });

  it('takes its level from LOG_LEVEL (default info), naming the variable when it is not a level', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: ' DEBUG ' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: '' })).toBe('info');
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(ValidationError);
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
});

describe('observeHttpRequests', () => {
  let server: Server;
  let url: string;
  const { destination, records } = captured();
  const metrics = createServiceMetrics();
  const log = createLogger('test', { level: 'debug', destination });
  const observe = observeHttpRequests({ metrics, routes: ['/graphql', '/'], log });

  beforeAll(async () => {
    server = createServer((req, res) =>
      observe(req, res, () => {
        log.info('outside the request');
        requestLog(log, req).info('handling');
        res.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps a well-formed incoming request id, answers it, and puts it on the request's line and on the lines of its requestLog", async () => {
    const response = await fetch(`${url}/graphql?x=1`, { headers: { 'x-request-id': 'client-chosen-id-42' } });
    expect(response.headers.get('x-request-id')).toBe('client-chosen-id-42');
    await response.text();
    const replaced = await fetch(`${url}/nowhere`, { headers: { 'x-request-id': 'bad id with spaces' } });
    const newId = replaced.headers.get('x-request-id');
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    await replaced.text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(records().filter((record) => record.msg === 'outside the request')).toEqual([
      expect.not.objectContaining({ requestId: expect.anything() }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
    expect(records().filter((record) => record.msg !== 'outside the request')).toEqual([
      expect.objectContaining({ msg: 'handling', requestId: 'client-chosen-id-42' }),
      expect.objectContaining({ msg: 'request', level: 'debug', requestId: 'client-chosen-id-42', method: 'GET', route: '/graphql', status: 200 }),
      expect.objectContaining({ msg: 'handling', requestId: newId }),
      expect.objectContaining({ msg: 'request', requestId: newId, route: 'other', status: 200 }),
    ]);
  });
});
