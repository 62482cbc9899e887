import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@devzone/errors';
import { DEFAULT_SOURCES_DIR, SourceLibrary } from './SourceLibrary';

const ARTICLE = '004_3f64acc845c844e4.txt';

function folderWith(index: unknown, articles: readonly string[] = [ARTICLE]): string {
  const dir = mkdtempSync(join(tmpdir(), 'devzone-sources-'));
  for (const file of articles) copyFileSync(join(DEFAULT_SOURCES_DIR, file), join(dir, file));
  writeFileSync(join(dir, 'index.json'), typeof index === 'string' ? index : JSON.stringify(index));
  return dir;
}

const jinjiang = () => {
  const { documents } = JSON.parse(readFileSync(join(DEFAULT_SOURCES_DIR, 'index.json'), 'utf8')) as { documents: { fileName: string }[] };
  return documents.find((d) => d.fileName === ARTICLE)!;
};

function loadError(dir: string): ValidationError {
  try {
    SourceLibrary.load(dir);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected a ValidationError');
}

describe('SourceLibrary', () => {
  it("loads the repository's five articles with their full text", () => {
    const library = SourceLibrary.load();
    expect(library.list().map((d) => d.fileName)).toEqual([
      '000_b89a998cf9687559.txt',
      '001_43b773d05e2b406e.txt',
      '002_f58e7a24f91462c7.txt',
      '003_037c2896ec0aa84d.txt',
      ARTICLE,
    ]);
    const article = library.get(ARTICLE)!;
    expect(article).toMatchObject({ date: '2022-11-15', publisher: '晋江经济报社' });
    expect(article.text).toBe(readFileSync(join(DEFAULT_SOURCES_DIR, ARTICLE), 'utf8'));
  });

  it('names the field of a bad index entry', () => {
    const error = loadError(folderWith({ documents: [{ ...jinjiang(), date: '15.11.2022' }] }));
    expect(error.issues).toEqual([{ field: 'documents[0].date', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' }]);
  });

  it('refuses an index naming a missing article, and an article the index leaves out', () => {
    const missing = loadError(folderWith({ documents: [{ ...jinjiang(), fileName: '009_0000000000000000.txt' }] }));
    expect(missing.issues.map((i) => i.field)).toEqual(['documents[0].fileName', 'documents']);
    expect(missing.message).toMatch(/009_0000000000000000\.txt is not in/);
    expect(missing.message).toMatch(/004_3f64acc845c844e4\.txt is in .* but not described in index.json/);
  });

  it('refuses an index that is not JSON', () => {
    expect(loadError(folderWith('{ "documents": [')).issues[0]).toMatchObject({ field: '(file)', message: expect.stringMatching(/^not valid JSON/) });
  });
});
