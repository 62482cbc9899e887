import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fieldPath } from '@devzone/errors';
import { zoneServiceListSchema, type ServingSnapshot } from '@devzone/registry';
import { z } from 'zod';

/** The stored snapshot as JSON: what the replica served, and when it stored it. */
const stateFileSchema = z
  .object({
    version: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256, 64 hex digits'),
    sdl: z.string().min(1),
    services: zoneServiceListSchema,
    savedAt: z.string().optional(),
  })
  .superRefine((file, ctx) => {
    if (createHash('sha256').update(file.sdl).digest('hex') !== file.hash)
      ctx.addIssue({ code: 'custom', path: ['hash'], message: 'is not the sha256 of sdl' });
  });

/** The stored supergraph cannot be used: unreadable, not JSON, or not a snapshot. */
export class StateFileError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`The stored supergraph ${path} is corrupt: ${detail}. Fix or delete it (the registry database gives the next one).`);
    this.name = 'StateFileError';
  }
}

/** The snapshot stored at `path`, or null when there is no file. Throws a `StateFileError` naming the file when it is corrupt. */
export async function readStateFile(path: string): Promise<ServingSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StateFileError(path, (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) throw new StateFileError(path, parsed.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`).join('; '));
  const { version, hash, sdl, services } = parsed.data;
  return { version, supergraphHash: hash, supergraphSdl: sdl, services };
}

/**
 * Stores `snapshot` at `path` atomically: written and flushed to a temporary file in the
 * same directory, then renamed over the old one, so a crash leaves the old file or the
 * new one, never half of either.
 */
export async function writeStateFile(path: string, snapshot: ServingSnapshot, now: Date = new Date()): Promise<void> {
  const content = JSON.stringify(
    { version: snapshot.version, hash: snapshot.supergraphHash, sdl: snapshot.supergraphSdl, services: snapshot.services, savedAt: now.toISOString() },
    null,
    2,
  );
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(content, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
