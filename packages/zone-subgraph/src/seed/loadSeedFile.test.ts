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

describe('loadZoneSeedFile refuses bad seed files, naming the field', () => {
  it('names a bad field with its path', () => {
    const path = write('bad-unit.json', {
      zone: { id: 'demo', nameZh: '示例', nameEn: 'Demo' },
      indicators: [{ code: 'party_member.new.count', period: '2023', periodBasis: 'stated', value: 29, qualifier: 'exact', unit: 'percent', source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(/indicators\[0\]\.unit: indicator "party_member.new.count" is stored in "person"/);
  });

  it('names an unknown indicator code and a bad period', () => {
    const path = write('bad-code.json', {
      zone: { id: 'demo', nameZh: '示例', nameEn: 'Demo' },
      indicators: [{ code: 'made.up', period: '23', periodBasis: 'stated', value: 1, qualifier: 'exact', unit: 'count', source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(/indicators\[0\]\.period: .*indicators\[0\]\.code: unknown indicator code "made.up"|indicators\[0\]\.code: unknown indicator code "made.up".*indicators\[0\]\.period/);
  });

  it('names a dangling reference', () => {
    const path = write('dangling.json', {
      zone: { id: 'demo', nameZh: '示例', nameEn: 'Demo' },
      partyOrganizations: [{ localId: 'b', nameZh: '某党支部', type: 'branch', enterpriseLocalIds: ['nobody'], source }],
    });
    expect(() => loadZoneSeedFile(path)).toThrow(/partyOrganizations\[0\]\.enterpriseLocalIds\[0\]: no enterprise "nobody"/);
  });

  it('says when the file is not JSON', () => {
    expect(() => loadZoneSeedFile(write('broken.json', '{ not json'))).toThrow(/broken\.json is not readable JSON/);
  });
});
