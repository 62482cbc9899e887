import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FigureSheetSupport, sdlHasFigureSheet, SHEET_SUPPORT_RETRY_MS, SHEET_SUPPORT_TTL_MS } from './figureSheetSupport';

/** The zone subgraph's committed schema: what a zone service of this version publishes. */
const CURRENT_SDL = readFileSync(resolve(__dirname, '../../../../packages/zone-subgraph/schema.graphql'), 'utf8');
const OLDER_SDL = 'type Zone @key(fields: "id") { id: ID! indicators(codes: [String!]): [String!] }';
const SERVICE = { name: 'anhui', url: 'http://127.0.0.1:4014/graphql' };

function clockAt(start: number) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms) };
  return clock;
}

describe('sdlHasFigureSheet', () => {
  it('finds Zone.figureSheet in the zone subgraph this repository builds', () => {
    expect(sdlHasFigureSheet(CURRENT_SDL)).toBe(true);
  });

  it('does not find it in an older schema, and finds it on an extension of Zone', () => {
    expect(sdlHasFigureSheet(OLDER_SDL)).toBe(false);
    expect(sdlHasFigureSheet('extend type Zone @key(fields: "id") { id: ID! figureSheet(codes: [String!]): String }')).toBe(true);
  });
});

describe('FigureSheetSupport', () => {
  it('reads a service field by field until its schema is known, then by sheets, without waiting for the schema', async () => {
    const asked: string[] = [];
    const support = new FigureSheetSupport(async (url) => {
      asked.push(url);
      return CURRENT_SDL;
    });
    expect(support.answersSheets(SERVICE)).toBe(false);
    expect(support.answersSheets(SERVICE)).toBe(false);
    await support.settled();
    expect(asked).toEqual([SERVICE.url]);
    expect(support.answersSheets(SERVICE)).toBe(true);
  });

  it('learns the schemas of the services it is given without a read, each once', async () => {
    const asked: string[] = [];
    const support = new FigureSheetSupport(async (url) => {
      asked.push(url);
      return url.includes('older') ? OLDER_SDL : CURRENT_SDL;
    });
    const older = { name: 'older', url: 'http://older:4000/graphql' };
    support.learn([SERVICE, older]);
    support.learn([SERVICE, older]);
    await support.settled();
    expect(asked).toEqual([SERVICE.url, older.url]);
    expect([support.answersSheets(SERVICE), support.answersSheets(older)]).toEqual([true, false]);
  });

  it('forgets the services that leave the shard map, and reads the schema of one that comes back again', async () => {
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const support = new FigureSheetSupport(async (url) => {
      asked.push(url);
      if (url.includes('slow')) await new Promise<void>((resolve) => (release = resolve));
      return CURRENT_SDL;
    });
    const other = { name: 'other', url: 'http://other:4000/graphql' };
    const slow = { name: 'slow', url: 'http://slow:4000/graphql' };
    support.learn([SERVICE, other]);
    await support.settled();
    expect(support.size).toBe(2);
    support.learn([SERVICE, slow]);
    expect(support.size).toBe(1);
    // slow's schema read settles after slow has left the map: it is not kept.
    support.learn([SERVICE]);
    release();
    await support.settled();
    expect(support.size).toBe(1);
    support.learn([SERVICE, other]);
    await support.settled();
    expect(asked).toEqual([SERVICE.url, other.url, slow.url, other.url]);
    expect(support.answersSheets(other)).toBe(true);
  });

  it('keeps reading an older service field by field', async () => {
    const support = new FigureSheetSupport(async () => OLDER_SDL);
    support.answersSheets(SERVICE);
    await support.settled();
    expect(support.answersSheets(SERVICE)).toBe(false);
  });

  it(`asks again after ${SHEET_SUPPORT_TTL_MS} ms, keeping the last answer meanwhile: an upgrade or a rollback at the same URL is seen`, async () => {
    const clock = clockAt(1_000);
    let sdl = CURRENT_SDL;
    const support = new FigureSheetSupport(
      async () => sdl,
      () => clock.now,
    );
    support.answersSheets(SERVICE);
    await support.settled();
    sdl = OLDER_SDL;
    clock.advance(SHEET_SUPPORT_TTL_MS - 1);
    expect(support.answersSheets(SERVICE)).toBe(true);
    clock.advance(1);
    expect(support.answersSheets(SERVICE)).toBe(true);
    await support.settled();
    expect(support.answersSheets(SERVICE)).toBe(false);
  });

  it(`reads a service whose schema cannot be read field by field, and asks again after ${SHEET_SUPPORT_RETRY_MS} ms`, async () => {
    const clock = clockAt(1_000);
    let reachable = false;
    const support = new FigureSheetSupport(
      async () => {
        if (!reachable) throw new Error('unreachable');
        return CURRENT_SDL;
      },
      () => clock.now,
    );
    support.answersSheets(SERVICE);
    await support.settled();
    reachable = true;
    expect(support.answersSheets(SERVICE)).toBe(false);
    clock.advance(SHEET_SUPPORT_RETRY_MS);
    support.answersSheets(SERVICE);
    await support.settled();
    expect(support.answersSheets(SERVICE)).toBe(true);
  });

  it('reads a service that refused a sheet field by field until its schema is read again, and tells another service at the same name apart by URL', async () => {
    const clock = clockAt(1_000);
    const support = new FigureSheetSupport(
      async () => CURRENT_SDL,
      () => clock.now,
    );
    support.answersSheets(SERVICE);
    await support.settled();
    support.refused(SERVICE);
    expect(support.answersSheets(SERVICE)).toBe(false);
    expect(support.answersSheets({ ...SERVICE, url: 'http://10.0.0.2:4014/graphql' })).toBe(false);
    await support.settled();
    expect(support.answersSheets({ ...SERVICE, url: 'http://10.0.0.2:4014/graphql' })).toBe(true);
    clock.advance(SHEET_SUPPORT_RETRY_MS);
    support.answersSheets(SERVICE);
    await support.settled();
    expect(support.answersSheets(SERVICE)).toBe(true);
  });
});
