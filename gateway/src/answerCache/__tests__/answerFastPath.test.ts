import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import type { ZoneVersionUsed } from '@devzone/shard-router';
import express from 'express';
import { rememberPrincipal } from '../../auth/requestPrincipal';
import { jsonBody } from '../../http/jsonBody';
import { AnswerCache } from '../AnswerCache';
import { AnswerFastPath, answerLookedUp } from '../answerFastPath';
import { AnswerRecord } from '../answerRecord';

const anhui = { name: 'anhui', url: 'http://anhui.test/' };
const shardMap = new StaticZoneServiceRegistry([{ ...anhui, zoneIds: ['chuzhou'] }]);
const analyst: Principal = { subject: 'key:a', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };
const QUERY = 'query Q { zone(id: "chuzhou") { indicators { value } } }';
const DATA = { zone: { indicators: [{ value: 3 }] } };

describe('AnswerFastPath', () => {
  const current: Record<string, string> = { chuzhou: '1' };
  const cache = new AnswerCache({
    maxBytes: 1024 * 1024,
    zoneReads: { stillCurrent: async (used: readonly ZoneVersionUsed[]) => used.every(({ zoneId, version }) => current[zoneId] === version) },
  });
  const fastPath = new AnswerFastPath(cache, () => shardMap);
  /** What "Apollo Server" (this test's stand-in after the fast path) answered, and whether the plugin would have looked the answer up. */
  const behind: { lookedUp: boolean }[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.post('/graphql', jsonBody({ limitBytes: 10_000 }), (req, res, next) => {
      if (req.headers.authorization === 'analyst') rememberPrincipal(req, analyst);
      void (async () => {
        const learn = await fastPath.serve(req, res);
        if (learn === 'sent') return;
        behind.push({ lookedUp: answerLookedUp(req) });
        // As Apollo Server answers a query it built: keeps it (the plugin), then sends `{"data":…}\n`.
        const key = cache.keyOf({ principal: analyst, operationName: 'Q', query: QUERY, variables: undefined });
        const record = new AnswerRecord();
        record.fetchStarted();
        record.vouchZoneRead([{ service: anhui, zoneId: 'chuzhou', version: current.chuzhou! }]);
        cache.keep(key, structuredClone(DATA), record);
        const body = `${JSON.stringify({ data: DATA })}\n`;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        learn?.learnHttpAnswer({ head: { status: 200, headers: [['content-type', 'application/json; charset=utf-8']] }, body });
        res.send(body);
      })().catch(next);
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const ask = (authorization: string | undefined, body: unknown = { query: QUERY, operationName: 'Q' }) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });

  it('answers a repeated query itself, with the status, headers and body Apollo Server sent, until a zone it was built from changes', async () => {
    behind.length = 0;
    const first = await ask('analyst');
    const second = await ask('analyst');
    expect(behind).toHaveLength(1);
    expect([second.status, second.headers.get('content-type'), await second.text()]).toEqual([
      first.status,
      first.headers.get('content-type'),
      await first.text(),
    ]);

    current.chuzhou = '2';
    await ask('analyst');
    // Found stale by the fast path: Apollo Server's lookup is told not to ask (and count) again.
    expect(behind).toEqual([{ lookedUp: false }, { lookedUp: true }]);
    await ask('analyst');
    expect(behind).toHaveLength(2);
  });

  it('answers a persisted query sent by its hash alone once it has read the query with that hash', async () => {
    behind.length = 0;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(QUERY).digest('hex') } };
    // A hash it never read with its query: Apollo Server's to answer (its own store may know it).
    await ask('analyst', { extensions, operationName: 'Q' });
    expect(behind).toHaveLength(1);
    // The query with its hash (this stand-in keeps its answer again: learned anew).
    await ask('analyst', { query: QUERY, extensions, operationName: 'Q' });
    const answered = behind.length;
    const byHash = await ask('analyst', { extensions, operationName: 'Q' });
    expect(behind).toHaveLength(answered);
    expect(await byHash.text()).toBe(`${JSON.stringify({ data: DATA })}\n`);
  });

  it('passes on a request without a caller or with a body it does not key', async () => {
    behind.length = 0;
    await ask(undefined);
    await ask('analyst', { query: QUERY, operationName: 'Q', extensions: {} });
    expect(behind).toEqual([{ lookedUp: false }, { lookedUp: false }]);
  });
});
