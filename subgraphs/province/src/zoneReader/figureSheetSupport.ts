import type { ZoneServiceEntry } from '@devzone/registry';
import { Kind, parse } from 'graphql';

/** How long a service's schema is trusted to say whether it answers `Zone.figureSheet`: an upgrade (or a rollback) at the same URL is seen within it. */
export const SHEET_SUPPORT_TTL_MS = 5 * 60_000;
/** How soon a service whose schema could not be read is asked again (meanwhile it is read field by field). */
export const SHEET_SUPPORT_RETRY_MS = 10_000;

type ServiceKey = Pick<ZoneServiceEntry, 'name' | 'url'>;

/** Whether a subgraph SDL defines `Zone.figureSheet` (on the type or an extension of it). */
export function sdlHasFigureSheet(sdl: string): boolean {
  return parse(sdl).definitions.some(
    (definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      definition.name.value === 'Zone' &&
      (definition.fields ?? []).some((field) => field.name.value === 'figureSheet'),
  );
}

/**
 * Which zone services answer the figure read as sheets (`Zone.figureSheet`). Zone services
 * are upgraded on their own schedule (the shard contract serves what they all have), so a
 * province may route to one that predates the field: such a service is read field by field.
 * A service's schema is read in the background when the province starts and when the shard
 * map changes (`learn`), when it is routed to unknown, and again after SHEET_SUPPORT_TTL_MS;
 * until it is known, or when it cannot be read, the service is
 * read field by field, which every zone service answers. Nothing waits for the schema.
 * What is known of a service that leaves the shard map is forgotten when the map changes.
 */
export class FigureSheetSupport {
  private readonly known = new Map<string, { readonly sheets: boolean; readonly until: number }>();
  private readonly probes = new Map<string, Promise<void>>();
  /** The shard map's services as `learn` was last told (undefined before): a schema read that settles for another service is not kept. */
  private mapped: Set<string> | undefined;

  constructor(
    private readonly fetchSdl: (url: string) => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether to ask this service for sheets now; starts reading its schema when that is unknown or stale (the last answer stands meanwhile). */
  answersSheets(service: ServiceKey): boolean {
    const key = keyOf(service);
    const known = this.known.get(key);
    if (known && known.until > this.now()) return known.sheets;
    this.probe(key, service.url);
    return known?.sheets ?? false;
  }

  /**
   * The shard map's services, every one (the province calls it at start and when the map changes):
   * forgets the services no longer in it and starts reading the schema of each service whose support is unknown or stale.
   */
  learn(services: readonly ServiceKey[]): void {
    this.mapped = new Set(services.map(keyOf));
    for (const key of this.known.keys()) if (!this.mapped.has(key)) this.known.delete(key);
    for (const service of services) this.answersSheets(service);
  }

  /** Services whose support is known (fresh or stale). */
  get size(): number {
    return this.known.size;
  }

  /** A sheet read of this service was refused (the field is unknown there: a rollback): read it field by field until its schema says otherwise. */
  refused(service: ServiceKey): void {
    this.known.set(keyOf(service), { sheets: false, until: this.now() + SHEET_SUPPORT_RETRY_MS });
  }

  /**
   * The service has `figureSheet` in its schema but answered it null (a zone system outside this
   * repository that does not fill it): read it field by field until its schema is read again.
   */
  unanswered(service: ServiceKey): void {
    this.known.set(keyOf(service), { sheets: false, until: this.now() + SHEET_SUPPORT_TTL_MS });
  }

  /** Settles when every schema read under way has (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.probes.values()]);
  }

  private probe(key: string, url: string): void {
    if (this.probes.has(key)) return;
    const keep = (sheets: boolean, forMs: number) => {
      if (!this.mapped || this.mapped.has(key)) this.known.set(key, { sheets, until: this.now() + forMs });
    };
    const done = this.fetchSdl(url)
      .then(sdlHasFigureSheet)
      .then(
        (sheets) => keep(sheets, SHEET_SUPPORT_TTL_MS),
        () => keep(false, SHEET_SUPPORT_RETRY_MS),
      )
      .then(() => undefined)
      .finally(() => this.probes.delete(key));
    this.probes.set(key, done);
  }
}

function keyOf({ name, url }: ServiceKey): string {
  return `${name} ${url}`;
}
