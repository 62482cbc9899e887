import { parseOrThrow } from '@devzone/errors';
import { Client, Pool } from 'pg';
import { z } from 'zod';
import { zoneServiceListSchema, type ZoneServiceEntry } from '../model';
import { REGISTRY_CHANNEL, type RegistryReader, type ServiceHealthReport, type ServingSnapshot } from './types';

export interface PgRegistryReaderOptions {
  /** The registry's database (the province's), a postgres:// URL. */
  readonly connectionString: string;
  /**
   * How long to wait for a connection before the database counts as unreachable, in milliseconds.
   * @default 5000
   */
  readonly connectTimeoutMs?: number;
}

export interface ListenOptions {
  /**
   * Called once when the LISTEN connection is lost after listening began (the server went
   * away, the connection was terminated). The listener is then closed: re-listening is the
   * caller's (call `listen` again), and until then nothing is announced.
   */
  readonly onError?: (error: Error) => void;
}

/** How the LISTEN connection shows in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'devzone-registry-listener';

/** What a gateway reads of a registered service: the rest of the registration is the province's business. */
const storedServicesSchema = z.array(z.object({ name: z.string(), url: z.string(), zones: z.array(z.object({ id: z.string() })) }));

interface StateRow {
  readonly version: number;
  readonly services: unknown;
  readonly supergraph_sdl: string;
  readonly supergraph_hash: string;
}

/**
 * The gateway's side of the runtime registry, over the registry's tables: the newest
 * accepted state, NOTIFY on `REGISTRY_CHANNEL` through a dedicated connection, and
 * this replica's health reports. Queries share a small pool; each `listen` holds one
 * connection of its own.
 */
export class PgRegistryReader implements RegistryReader {
  private readonly pool: Pool;
  private readonly connectionString: string;
  private readonly connectTimeoutMs: number;
  private readonly listeners = new Set<() => Promise<void>>();
  private closing: Promise<void> | undefined;

  constructor({ connectionString, connectTimeoutMs = 5000 }: PgRegistryReaderOptions) {
    this.connectionString = connectionString;
    this.connectTimeoutMs = connectTimeoutMs;
    this.pool = new Pool({ connectionString, max: 2, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 10_000 });
    // An idle connection the server dropped is discarded; the next query opens a new one.
    this.pool.on('error', () => undefined);
  }

  async readServing(): Promise<ServingSnapshot | null> {
    const { rows } = await this.pool.query<StateRow>(
      'SELECT version, services, supergraph_sdl, supergraph_hash FROM registry_state ORDER BY version DESC LIMIT 1',
    );
    const row = rows[0];
    if (!row) return null;
    return {
      version: row.version,
      supergraphSdl: row.supergraph_sdl,
      supergraphHash: row.supergraph_hash,
      services: servingEntries(row.services, `registry_state version ${row.version}: services`),
    };
  }

  /**
   * Resolves once `LISTEN` is in place. Payloads that are not a positive whole number
   * are ignored. A connection lost later is reported through `options.onError`, once.
   */
  async listen(onVersion: (version: number) => void, { onError }: ListenOptions = {}): Promise<() => Promise<void>> {
    const client = new Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: this.connectTimeoutMs,
      keepAlive: true,
      application_name: LISTENER_APPLICATION_NAME,
    });
    let phase: 'connecting' | 'listening' | 'closed' = 'connecting';
    const close = async () => {
      if (phase === 'closed') return;
      phase = 'closed';
      this.listeners.delete(close);
      await client.end().catch(() => undefined);
    };
    const lost = (error: Error) => {
      if (phase !== 'listening') return;
      void close();
      onError?.(error);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('the registry database closed the LISTEN connection')));
    client.on('notification', ({ channel, payload }) => {
      const version = Number(payload);
      if (phase === 'listening' && channel === REGISTRY_CHANNEL && Number.isSafeInteger(version) && version > 0) onVersion(version);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
    } catch (error) {
      await close();
      throw error;
    }
    if (this.closing) {
      await close();
      throw new Error('PgRegistryReader is closed');
    }
    phase = 'listening';
    this.listeners.add(close);
    return close;
  }

  /** One row per service and replica; `last_seen` keeps its earlier value when the report has none (never seen since this replica started). */
  async recordHealth({ serviceName, replica, state, lastSeen, checkedAt, detail }: ServiceHealthReport): Promise<void> {
    await this.pool.query(
      `INSERT INTO registry_health (service_name, replica, state, last_seen, checked_at, detail)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (service_name, replica) DO UPDATE SET
         state = EXCLUDED.state,
         last_seen = COALESCE(EXCLUDED.last_seen, registry_health.last_seen),
         checked_at = EXCLUDED.checked_at,
         detail = EXCLUDED.detail`,
      [serviceName, replica, state, lastSeen, checkedAt, detail],
    );
  }

  /** Stops every listener and closes the pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.listeners].map((stop) => stop()));
      await this.pool.end();
    })();
    return this.closing;
  }
}

/** The shard map of a stored state, checked as strictly as `ZONE_SERVICES` is. */
function servingEntries(services: unknown, source: string): ZoneServiceEntry[] {
  const stored = parseOrThrow(storedServicesSchema, services, source);
  const entries = stored.map(({ name, url, zones }) => ({ name, url, zoneIds: zones.map((zone) => zone.id) }));
  return parseOrThrow(zoneServiceListSchema, entries, source);
}
