import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@devzone/database';

export interface PgTarget {
  /** `embedded` (started by jest's globalSetup) or `external` (PG_TEST_URL). */
  label: 'embedded' | 'external';
  adminUrl: string;
}

/** Servers the DB suite runs against: the embedded one always, an external one when PG_TEST_URL is set. */
export function pgTargets(): PgTarget[] {
  const targets: PgTarget[] = [];
  const embedded = process.env.EMBEDDED_PG_ADMIN_URL;
  if (!embedded) throw new Error('EMBEDDED_PG_ADMIN_URL is not set: run the tests through jest (its globalSetup starts the embedded server)');
  targets.push({ label: 'embedded', adminUrl: embedded });
  if (process.env.PG_TEST_URL) targets.push({ label: 'external', adminUrl: process.env.PG_TEST_URL });
  return targets;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the target server. */
export async function createTestDatabase(adminUrl: string, label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropDatabase(adminUrl, name) };
}
