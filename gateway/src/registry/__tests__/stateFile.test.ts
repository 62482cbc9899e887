import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServingSnapshot } from '@devzone/registry';
import { readStateFile, StateFileError, writeStateFile } from '../stateFile';

const sdl = 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }';
const snapshot: ServingSnapshot = {
  version: 4,
  supergraphSdl: sdl,
  supergraphHash: createHash('sha256').update(sdl).digest('hex'),
  services: [{ name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou', 'feixi'] }],
};

describe('the state file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-state-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a snapshot and reads it back, creating its directory and leaving no temporary file', async () => {
    const path = join(dir, 'nested', 'supergraph.json');

    await writeStateFile(path, snapshot, new Date('2026-12-02T08:00:00Z'));

    await expect(readStateFile(path)).resolves.toEqual(snapshot);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 4,
      hash: snapshot.supergraphHash,
      sdl,
      services: snapshot.services,
      savedAt: '2026-12-02T08:00:00.000Z',
    });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['supergraph.json']);
  });

  it('replaces the stored snapshot with the next one', async () => {
    const path = join(dir, 'supergraph.json');
    await writeStateFile(path, snapshot);

    await writeStateFile(path, { ...snapshot, version: 5 });

    await expect(readStateFile(path)).resolves.toMatchObject({ version: 5 });
    expect(readdirSync(dir)).toEqual(['supergraph.json']);
  });

  it('reads null when there is no file', async () => {
    await expect(readStateFile(join(dir, 'absent.json'))).resolves.toBeNull();
  });

  it.each([
    ['not JSON', '{"version": 4', /is corrupt: not valid JSON/],
    [
      'a hash that is not the sdl’s',
      JSON.stringify({ version: 4, hash: 'a'.repeat(64), sdl, services: snapshot.services }),
      /is corrupt: hash: is not the sha256 of sdl/,
    ],
    ['a bad field', JSON.stringify({ version: 0, hash: snapshot.supergraphHash, sdl, services: [] }), /is corrupt: version: .*/],
    [
      'a zone hosted twice',
      JSON.stringify({
        version: 4,
        hash: snapshot.supergraphHash,
        sdl,
        services: [...snapshot.services, { name: 'other', url: 'http://o.test/', zoneIds: ['feixi'] }],
      }),
      /services\[1\]\.zoneIds\[0\]: zone "feixi" is already hosted by service "anhui"/,
    ],
  ])('refuses a file with %s, naming the file', async (_case, content, message) => {
    const path = join(dir, 'supergraph.json');
    writeFileSync(path, content);

    const reading = readStateFile(path);

    await expect(reading).rejects.toThrow(StateFileError);
    await expect(reading).rejects.toThrow(message);
    await expect(reading).rejects.toThrow(`The stored supergraph ${path} is corrupt`);
  });
});
