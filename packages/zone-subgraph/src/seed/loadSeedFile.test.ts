import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadZoneSeedFile } from './loadSeedFile';

const dir = mkdtempSync(join(tmpdir(), 'seed-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const source = { document: '001_43b773d05e2b406e.txt', passage: '发展党员29名' };
const recordCompleteness = {
  enterprises: 'named_only',
  partyOrganizations: 'named_only',
  honors: 'named_only',
  alliances: 'named_only',
  serviceStations: 'named_only',
};
const zone = { id: 'demo', nameZh: '示例', nameEn: 'Demo', recordCompleteness, recordsAsOf: '2023' };

describe('loadZoneSeedFile refuses bad seed files, naming the field', () => {
  it('names a bad field with its path', () => {
    const path = write('bad-unit.json', {
      zone,
      indicators: [{ code: 'party_member.new.count', period: '2023', periodBasis: 'stated', value: 29, qualifier: 'exact', unit: 'percent', source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(/indicators\[0\]\.unit: indicator "party_member.new.count" is stored in "person"/);
  });

  it('names an unknown indicator code and a bad period', () => {
    const path = write('bad-code.json', {
      zone,
      indicators: [{ code: 'made.up', period: '23', periodBasis: 'stated', value: 1, qualifier: 'exact', unit: 'count', source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(
      /indicators\[0\]\.period: .*indicators\[0\]\.code: unknown indicator code "made.up"|indicators\[0\]\.code: unknown indicator code "made.up".*indicators\[0\]\.period/,
    );
  });

  it('names a dangling reference', () => {
    const path = write('dangling.json', {
      zone,
      partyOrganizations: [{ localId: 'b', nameZh: '某党支部', type: 'branch', enterpriseLocalIds: ['nobody'], source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(/partyOrganizations\[0\]\.enterpriseLocalIds\[0\]: no enterprise "nobody"/);
  });

  it("accepts a zone that states its records' completeness and date", () => {
    const seed = loadZoneSeedFile(write('good.json', { zone: { ...zone, recordCompleteness: { ...recordCompleteness, enterprises: 'complete' } } }));
    expect(seed.zone.recordCompleteness).toMatchObject({ enterprises: 'complete', honors: 'named_only' });
    expect(seed.zone.recordsAsOf).toBe('2023');
  });

  it('names the kind of record whose completeness is missing', () => {
    const { honors: _honors, ...withoutHonors } = recordCompleteness;
    const path = write('no-honors-completeness.json', { zone: { ...zone, recordCompleteness: withoutHonors } });
    expect(() => loadZoneSeedFile(path)).toThrow(/zone\.recordCompleteness\.honors: required: "complete" \(the zone loads its full register\) or "named_only"/);
  });

  it('names a completeness that is not complete or named_only', () => {
    const path = write('bad-completeness.json', { zone: { ...zone, recordCompleteness: { ...recordCompleteness, alliances: 'NAMED_ONLY' } } });
    expect(() => loadZoneSeedFile(path)).toThrow(/zone\.recordCompleteness\.alliances: must be "complete" or "named_only", got "NAMED_ONLY"/);
  });

  it('names a missing completeness object and a missing or malformed records date', () => {
    const { recordCompleteness: _c, recordsAsOf: _d, ...bare } = zone;
    expect(() => loadZoneSeedFile(write('bare-zone.json', { zone: bare }))).toThrow(
      /zone\.recordCompleteness: required: the completeness of each kind of record/,
    );
    expect(() => loadZoneSeedFile(write('no-date.json', { zone: { ...zone, recordsAsOf: undefined } }))).toThrow(
      /zone\.recordsAsOf: required: the date the zone's records are as of/,
    );
    expect(() => loadZoneSeedFile(write('range-date.json', { zone: { ...zone, recordsAsOf: '2020/2021' } }))).toThrow(
      /zone\.recordsAsOf: must be YYYY, YYYY-MM or YYYY-MM-DD/,
    );
  });

  it('says when the file is not JSON', () => {
    expect(() => loadZoneSeedFile(write('broken.json', '{ not json'))).toThrow(/broken\.json is not readable JSON/);
  });
});
