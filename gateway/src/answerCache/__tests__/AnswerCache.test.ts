import type { Principal } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import type { ZoneVersionUsed } from '@devzone/shard-router';
import { AnswerCache } from '../AnswerCache';
import { AnswerRecord, answerRecordOf, startAnswerRecord } from '../answerRecord';

const anhui = { name: 'anhui', url: 'http://anhui.test/' };
const shardMap = new StaticZoneServiceRegistry([{ ...anhui, zoneIds: ['chuzhou', 'feixi'] }]);
const analyst: Principal = { subject: 'key:a', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };
const admin: Principal = { subject: 'key:b', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
const QUERY = '{ zone(id: "chuzhou") { indicators { code value } } }';

/** Zone versions as the zone services would answer them now, and the checks asked of them. */
function versionsNow() {
  const current: Record<string, string> = { chuzhou: '1', feixi: '1' };
  const checks: ZoneVersionUsed[][] = [];
  const zoneReads = {
    stillCurrent: async (used: readonly ZoneVersionUsed[], serviceForZone: (zoneId: string) => { name: string; url: string } | undefined) => {
      checks.push([...used]);
      return used.every(({ zoneId, version, service }) => current[zoneId] === version && serviceForZone(zoneId)?.url === service.url);
    },
  };
  return { current, checks, zoneReads };
}

function recordOf(versions: readonly ZoneVersionUsed[], lookupsUntil?: number): AnswerRecord {
  const record = new AnswerRecord();
  record.fetchStarted();
  record.vouchZoneRead(versions);
  if (lookupsUntil !== undefined) {
    record.fetchStarted();
    record.vouchDirectoryLookup(lookupsUntil);
  }
  return record;
}

describe('AnswerRecord', () => {
  it('is repeatable only when every fetch started was vouched for', () => {
    expect(new AnswerRecord().repeatable).toBe(false);
    const record = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    expect(record.repeatable).toBe(true);
    record.fetchStarted(); // a province query nobody vouches for
    expect(record.repeatable).toBe(false);
  });

  it('is not repeatable when one zone was read at two versions', () => {
    const record = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    record.fetchStarted();
    record.vouchZoneRead([{ service: anhui, zoneId: 'chuzhou', version: '2' }]);
    expect(record.repeatable).toBe(false);
  });

  it('is kept per request context, and two operations sharing one context are neither repeatable', () => {
    const context = {};
    expect(answerRecordOf(context)).toBeUndefined();
    const first = startAnswerRecord(context);
    expect(answerRecordOf(context)).toBe(first);
    first.fetchStarted();
    first.vouchDirectoryLookup(Number.POSITIVE_INFINITY);
    expect(first.repeatable).toBe(true);
    const second = startAnswerRecord(context);
    second.fetchStarted();
    second.vouchDirectoryLookup(Number.POSITIVE_INFINITY);
    expect([first.repeatable, second.repeatable]).toEqual([false, false]);
  });

  it('holds its directory list on the shard map it was checked against: lists checked against two are not repeatable', () => {
    const record = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    expect(record.listedOn).toBeUndefined();
    record.fetchStarted();
    record.vouchDirectoryList(Number.POSITIVE_INFINITY, shardMap);
    expect(record.repeatable).toBe(true);
    expect(record.listedOn).toBe(shardMap);
    record.fetchStarted();
    record.vouchDirectoryList(Number.POSITIVE_INFINITY, new StaticZoneServiceRegistry([]));
    expect(record.repeatable).toBe(false);
  });

  it('expires with its earliest directory lookup', () => {
    const record = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }], 5000);
    record.fetchStarted();
    record.vouchDirectoryLookup(3000);
    expect(record.expiresAt).toBe(3000);
    expect(recordOf([]).expiresAt).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('AnswerCache', () => {
  const data = () => ({ zone: { indicators: [{ code: 'party_org.count', value: 3 }] } });

  it('serves a kept answer while its zones keep their versions, frozen, and drops it once one changed', async () => {
    const { current, checks, zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: {} });
    expect(await cache.answerOf(key, shardMap)).toBeUndefined();
    cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));

    const served = await cache.answerOf(key, shardMap);
    expect(served).toEqual(data());
    expect(Object.isFrozen((served as ReturnType<typeof data>).zone.indicators[0])).toBe(true);
    expect(checks).toEqual([[{ service: anhui, zoneId: 'chuzhou', version: '1' }]]);

    current.chuzhou = '2';
    expect(await cache.answerOf(key, shardMap)).toBeUndefined();
    current.chuzhou = '1';
    expect(await cache.answerOf(key, shardMap)).toBeUndefined(); // dropped, not kept for later
    expect(cache.size.entries).toBe(0);
  });

  it('keeps an answer for its caller, operation and variables only', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const parts = { principal: analyst, operationName: 'Q', query: QUERY, variables: { a: 1 } };
    cache.keep(cache.keyOf(parts), data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
    expect(await cache.answerOf(cache.keyOf(parts), shardMap)).toEqual(data());
    for (const other of [{ principal: admin }, { operationName: 'R' }, { query: QUERY.replace('code value', 'value code') }, { variables: { a: 2 } }]) {
      expect(await cache.answerOf(cache.keyOf({ ...parts, ...other }), shardMap)).toBeUndefined();
    }
  });

  it('finds an answer by the query spelled otherwise: whitespace, commas and comments aside', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const parts = { principal: analyst, operationName: undefined, query: QUERY, variables: {} };
    cache.keep(cache.keyOf(parts), data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
    const spelled = '# figures\n{\n  zone(id: "chuzhou") {\n    indicators { code, value }\n  }\n}\n';
    expect(await cache.answerOf(cache.keyOf({ ...parts, query: spelled }), shardMap)).toEqual(data());
  });

  it('finds an answer by variables written in another key order, nested inputs too; a list in another order is another answer', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const keyWith = (variables: Record<string, unknown>) => cache.keyOf({ principal: analyst, operationName: 'Q', query: QUERY, variables });
    cache.keep(keyWith({ a: 1, filter: { city: 'x', codes: ['p', 'q'] } }), data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
    expect(await cache.answerOf(keyWith({ filter: { codes: ['p', 'q'], city: 'x' }, a: 1 }), shardMap)).toEqual(data());
    expect(await cache.answerOf(keyWith({ a: 1, filter: { city: 'x', codes: ['p', 'q'] }, skipped: undefined }), shardMap)).toEqual(data());
    expect(await cache.answerOf(keyWith({ a: 1, filter: { city: 'x', codes: ['q', 'p'] } }), shardMap)).toBeUndefined();
  });

  it('keeps nothing unrepeatable, nor what its directory part no longer holds', async () => {
    const { zoneReads } = versionsNow();
    let now = 1000;
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads, now: () => now });
    const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: undefined });
    const unvouched = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    unvouched.fetchStarted();
    cache.keep(key, data(), unvouched);
    cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }], 1000));
    expect(cache.size.entries).toBe(0);

    cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }], 2000));
    expect(await cache.answerOf(key, shardMap)).toEqual(data());
    now = 2000;
    expect(await cache.answerOf(key, shardMap)).toBeUndefined();
  });

  it('does not serve an answer whose zone another service hosts now', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: {} });
    cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
    const moved = new StaticZoneServiceRegistry([{ name: 'anhui', url: 'http://anhui-2.test/', zoneIds: ['chuzhou'] }]);
    expect(await cache.answerOf(key, moved)).toBeUndefined();
  });

  it('does not serve an answer built on a directory list once the shard map changed (a zone registered since is in none of its versions)', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
    const key = cache.keyOf({ principal: admin, operationName: undefined, query: '{ zones { id indicators { value } } }', variables: {} });
    const record = recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    record.fetchStarted();
    record.vouchDirectoryList(Number.POSITIVE_INFINITY, shardMap);
    cache.keep(key, data(), record);
    expect(await cache.answerOf(key, shardMap)).toEqual(data());
    const registered = new StaticZoneServiceRegistry([{ ...anhui, zoneIds: ['chuzhou', 'feixi', 'tongling'] }]);
    expect(await cache.answerOf(key, registered)).toBeUndefined();
    expect(await cache.answerOf(key, shardMap)).toBeUndefined();
  });

  it('stays within its memory bound: the least recently used answers leave, one larger than the bound is never kept', async () => {
    const { zoneReads } = versionsNow();
    const cache = new AnswerCache({ maxBytes: 2000, zoneReads });
    const record = () => recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]);
    cache.keep(cache.keyOf({ principal: analyst, operationName: 'Big', query: QUERY, variables: {} }), { text: 'x'.repeat(1000) }, record());
    expect(cache.size.entries).toBe(0);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F'])
      cache.keep(cache.keyOf({ principal: analyst, operationName: name, query: QUERY, variables: {} }), data(), record());
    expect(cache.size.bytes).toBeLessThanOrEqual(2000);
    expect(cache.size.entries).toBeLessThan(6);
    expect(await cache.answerOf(cache.keyOf({ principal: analyst, operationName: 'F', query: QUERY, variables: {} }), shardMap)).toEqual(data());
    expect(await cache.answerOf(cache.keyOf({ principal: analyst, operationName: 'A', query: QUERY, variables: {} }), shardMap)).toBeUndefined();
  });

  it('reports hits, stale answers and misses', async () => {
    const { current, zoneReads } = versionsNow();
    const served: string[] = [];
    const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads, observerOf: () => ({ served: (result) => served.push(result) }) });
    const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: {} });
    await cache.answerOf(key, shardMap);
    cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
    await cache.answerOf(key, shardMap);
    current.chuzhou = '2';
    await cache.answerOf(key, shardMap);
    expect(served).toEqual(['miss', 'hit', 'stale']);
  });

  describe('as sent over HTTP', () => {
    const head = { status: 200, headers: [['content-type', 'application/json; charset=utf-8']] as const };
    const kept = (cache: AnswerCache) => {
      const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: {} });
      cache.keep(key, data(), recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
      return key;
    };
    const body = `{"data":${JSON.stringify(data())}}\n`;

    it('serves only what Apollo Server sent for the same accept header and shard map, while the answer holds', async () => {
      const { current, zoneReads } = versionsNow();
      const served: string[] = [];
      const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads, observerOf: () => ({ served: (result) => served.push(result) }) });
      expect(await cache.httpAnswerOf('nothing kept', '*/*', shardMap)).toEqual({ kind: 'miss' });
      const key = kept(cache);
      expect(await cache.httpAnswerOf(key, '*/*', shardMap)).toEqual({ kind: 'unlearned' });

      cache.learnHttpAnswer(key, '*/*', shardMap, { head, body, operationName: 'Q' });
      expect(await cache.httpAnswerOf(key, '*/*', shardMap)).toEqual({ kind: 'hit', head, body: Buffer.from(body, 'utf8'), operationName: 'Q' });
      expect(await cache.httpAnswerOf(key, 'application/graphql-response+json', shardMap)).toEqual({ kind: 'unlearned' });
      expect(await cache.httpAnswerOf(key, '*/*', new StaticZoneServiceRegistry([{ ...anhui, zoneIds: ['chuzhou', 'feixi'] }]))).toEqual({
        kind: 'unlearned',
      });

      current.chuzhou = '2';
      expect(await cache.httpAnswerOf(key, '*/*', shardMap)).toEqual({ kind: 'stale' });
      expect(cache.size.entries).toBe(0);
      // A miss and an unlearned answer are left to Apollo Server's lookup to count.
      expect(served).toEqual(['hit', 'stale']);
    });

    it('learns nothing Apollo Server wrote otherwise than kept (another body, a status other than 200), nor for an answer not kept', async () => {
      const { zoneReads } = versionsNow();
      const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
      const key = kept(cache);
      cache.learnHttpAnswer(key, '*/*', shardMap, { head, body: body.replace('3', '4'), operationName: undefined });
      cache.learnHttpAnswer(key, '*/*', shardMap, { head: { ...head, status: 203 }, body, operationName: undefined });
      cache.learnHttpAnswer('another key', '*/*', shardMap, { head, body, operationName: undefined });
      expect(await cache.httpAnswerOf(key, '*/*', shardMap)).toEqual({ kind: 'unlearned' });
      expect(await cache.httpAnswerOf('another key', '*/*', shardMap)).toEqual({ kind: 'miss' });
    });

    it('sends the UTF-8 bytes Apollo Server wrote, encoded once when kept, and counts them in its size', async () => {
      const { zoneReads } = versionsNow();
      const cache = new AnswerCache({ maxBytes: 1024 * 1024, zoneReads });
      const chinese = { zone: { nameZh: '长丰(双凤)经济开发区' } };
      const key = cache.keyOf({ principal: analyst, operationName: undefined, query: QUERY, variables: {} });
      cache.keep(key, chinese, recordOf([{ service: anhui, zoneId: 'chuzhou', version: '1' }]));
      const sent = `{"data":${JSON.stringify(chinese)}}\n`;
      cache.learnHttpAnswer(key, '*/*', shardMap, { head, body: sent, operationName: undefined });
      const found = await cache.httpAnswerOf(key, '*/*', shardMap);
      const bytes = Buffer.from(sent, 'utf8');
      expect(found).toEqual({ kind: 'hit', head, body: bytes, operationName: undefined });
      const again = await cache.httpAnswerOf(key, '*/*', shardMap);
      expect(again.kind === 'hit' && found.kind === 'hit' && again.body === found.body).toBe(true);
      expect(cache.size.bytes).toBe(2 * JSON.stringify(chinese).length + bytes.length + 2 * key.length);
    });
  });
});
