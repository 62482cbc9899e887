import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOrThrow, ValidationError } from '@devzone/errors';
import { sourceIndexSchema, type SourceDocumentMeta } from './sourceIndexSchema';

/** An article with its full text. */
export interface SourceDocumentRecord extends SourceDocumentMeta {
  text: string;
}

/** The repository's `data/sources/` (from src/ and from dist/ alike). */
export const DEFAULT_SOURCES_DIR = resolve(__dirname, '../../../../data/sources');

/** The source articles every provenance points at, read once at start-up and validated. */
export class SourceLibrary {
  private readonly byFileName: ReadonlyMap<string, SourceDocumentRecord>;

  constructor(documents: readonly SourceDocumentRecord[]) {
    this.byFileName = new Map(documents.map((d) => [d.fileName, d]));
  }

  /**
   * Reads `<dir>/index.json` and every article it lists. Refuses an index that
   * names a missing file, lists a file twice, or leaves an article out.
   */
  static load(dir: string = DEFAULT_SOURCES_DIR): SourceLibrary {
    const indexFile = join(dir, 'index.json');
    if (!existsSync(indexFile))
      throw new ValidationError(indexFile, [{ field: '(file)', message: 'not found: the source articles folder needs its index.json' }]);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(indexFile, 'utf8'));
    } catch (error) {
      throw new ValidationError(indexFile, [{ field: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
    }
    const { documents } = parseOrThrow(sourceIndexSchema, raw, indexFile);
    const problems: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    documents.forEach((d, i) => {
      if (seen.has(d.fileName)) problems.push({ field: `documents[${i}].fileName`, message: `${d.fileName} is listed twice` });
      seen.add(d.fileName);
      if (!existsSync(join(dir, d.fileName))) problems.push({ field: `documents[${i}].fileName`, message: `${d.fileName} is not in ${dir}` });
    });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      if (!seen.has(file)) problems.push({ field: 'documents', message: `${file} is in ${dir} but not described in index.json` });
    }
    if (problems.length > 0) throw new ValidationError(indexFile, problems);
    return new SourceLibrary(documents.map((d) => ({ ...d, text: readFileSync(join(dir, d.fileName), 'utf8') })));
  }

  list(): SourceDocumentRecord[] {
    return [...this.byFileName.values()].sort((a, b) => a.fileName.localeCompare(b.fileName));
  }

  get(fileName: string): SourceDocumentRecord | undefined {
    return this.byFileName.get(fileName);
  }
}
