import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/** Which file a seed was read from, and the hash of its bytes: what seed drift compares. */
export interface SeedOrigin {
  /** The file's name (`yongkang.json`): how the audit (`seed:<file>`) and the start-up warning name it. */
  readonly fileName: string;
  readonly path: string;
  /** sha256 of the file's bytes, hex. */
  readonly contentHash: string;
}

export function seedOriginOf(path: string, bytes: Buffer): SeedOrigin {
  return { fileName: basename(path), path, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

/** The actor under which a seed file's changes are audited. */
export const seedActor = (origin: SeedOrigin) => `seed:${origin.fileName}`;
