import type { ZoneServiceEntry } from '@devzone/registry';
import { readFigureSheet, type FigureSheet, type SheetFigure } from '@devzone/subgraph-kit';
import type { GraphQLFormattedError } from 'graphql';
import { industryProfileOf } from './industryProfile';
import { ENTERPRISES_ENTITIES_QUERY, FIGURES_BY_FIELD_ENTITIES_QUERY } from './zoneEntityOperations';
import type { ProvinceReadsFiguresQuery, ProvinceReadsFiguresQueryVariables } from './zoneEntityOperations.generated';
import { FIGURES_ENTITIES_QUERY } from './zoneReaderOperations';
import type { ProvinceReadsEnterprisesQuery, ProvinceReadsEnterprisesQueryVariables, ProvinceReadsFiguresByFieldQuery } from './zoneReaderOperations.generated';
import type {
  EnterpriseQuery,
  FigureRead,
  FigureReadOptions,
  UnassessedIndicator,
  ZoneFigure,
  ZoneIndustryProfile,
  ZonePageOfEnterprises,
  ZoneReader,
  ZoneReadFailure,
} from './zoneReader';
import type { ZoneRoute } from './zoneRoute';

/** The most enterprise records read per zone for an industry profile (the zone page's maximum). */
export const INDUSTRY_SAMPLE_SIZE = 500;

/** A zone as the figures operation answers it (the `... on Zone` member of `_entities`). */
type ZoneSheetAnswered = Extract<NonNullable<ProvinceReadsFiguresQuery['_entities'][number]>, { id: string }>;
/** A zone as the field-by-field figures operation answers it. */
type ZoneFieldsAnswered = ProvinceReadsFiguresByFieldQuery['zones'][number];
type FigureByField = NonNullable<ZoneFieldsAnswered['indicators']>[number];

/** One zone's figures, however they were read. */
interface ZoneFiguresRead {
  readonly sheet: FigureSheet;
  readonly records: ZoneSheetAnswered['records'];
  readonly enterprises: ZoneSheetAnswered['enterprises'];
}

/** What one figure read gave: each zone's figures it read, and the zones that failed. */
interface ZoneFiguresReads {
  readonly read: Map<string, ZoneFiguresRead>;
  readonly failures: Map<string, ZoneReadFailure>;
}

/** A figure read field by field as a sheet holds it: the texts not asked are null (spelled out: a rest spread per figure costs more than the rest of the read). */
function sheetFigureOf(figure: FigureByField): SheetFigure {
  const { provenance } = figure;
  return {
    code: figure.code,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    period: figure.period,
    periodBasis: figure.periodBasis ?? null,
    note: figure.note ?? null,
    provenance: {
      kind: provenance.kind,
      document: provenance.document,
      passage: provenance.passage ?? null,
      computation: provenance.computation ?? null,
      recordCompleteness: provenance.recordCompleteness,
      recordCount: provenance.recordCount,
    },
  };
}

/** A figure as answered, its texts null when they were not asked (spelled out: a rest spread per figure costs more than the rest of the read). */
function zoneFigureOf(zoneId: string, figure: SheetFigure): ZoneFigure {
  const { provenance } = figure;
  return {
    zoneId,
    code: figure.code,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    period: figure.period,
    periodBasis: figure.periodBasis,
    note: figure.note,
    provenance: {
      kind: provenance.kind,
      document: provenance.document,
      passage: provenance.passage,
      computation: provenance.computation,
      recordCompleteness: provenance.recordCompleteness,
      recordCount: provenance.recordCount,
    },
  };
}

/** What one read gave: each zone's entity in the order asked (null when it failed), and the zones that failed. */
interface ZoneEntities<T> {
  readonly zones: readonly (T | null)[];
  readonly failures: Map<string, ZoneReadFailure>;
  /** Zones whose service refused the query as invalid (`GRAPHQL_VALIDATION_FAILED`): it does not know a field asked. */
  readonly refusedAsInvalid: ReadonlySet<string>;
}

/**
 * Reads zone data straight from the zone services: one `_entities` request per hosting
 * service, in parallel, through the shard router (deadline, breaker and retry per
 * service, answers checked entity by entity). The selections are the API operations'
 * (`zoneReaderOperations.ts`) asked of each `Zone`; a zone whose service fails is a
 * failure naming zone and service, and the other zones still answer. Through the process's
 * zone-read cache when it is on (`ZoneRoute.cache`).
 */
export class DirectZoneReader implements ZoneReader {
  constructor(private readonly route: ZoneRoute) {}

  async figures(zoneIds: readonly string[], codes: readonly string[], options: FigureReadOptions = {}): Promise<FigureRead> {
    const withIndustries = options.industryProfiles ?? false;
    const variables: Omit<ProvinceReadsFiguresQueryVariables, 'representations'> = {
      codes: [...codes],
      withText: options.provenanceText ?? true,
      withIndustries,
      sample: INDUSTRY_SAMPLE_SIZE,
    };
    const { bySheet, byField } = this.bySheetSupport(zoneIds);
    const [sheets, fields] = await Promise.all([this.readSheets(bySheet, variables), this.readFields(byField, variables)]);
    // Zones whose service has `figureSheet` in its schema but answered it null (a zone system that does not fill it): read field by field.
    const late = await this.readFields(sheets.unanswered, variables);
    const failures = new Map([...sheets.failures, ...fields.failures, ...late.failures]);
    const read = new Map<string, ZoneFiguresRead>([...sheets.read, ...fields.read, ...late.read]);

    const figures: ZoneFigure[] = [];
    const unassessed: UnassessedIndicator[] = [];
    const answered: string[] = [];
    const profiles: ZoneIndustryProfile[] = [];
    for (const zoneId of zoneIds) {
      const zone = read.get(zoneId);
      if (!zone || (withIndustries && !zone.enterprises)) {
        const message = zone ? `Zone "${zoneId}" answered no enterprises (its industry profile needs them)` : `Zone "${zoneId}" returned no figures`;
        if (!failures.has(zoneId)) failures.set(zoneId, { zoneId, service: null, message });
        continue;
      }
      answered.push(zoneId);
      for (const figure of zone.sheet.indicators) figures.push(zoneFigureOf(zoneId, figure));
      for (const item of zone.sheet.unassessedIndicators) unassessed.push({ zoneId, ...item });
      if (zone.enterprises) profiles.push(industryProfileOf(zoneId, zone.enterprises, zone.records?.enterprises ?? null));
    }
    return { figures, unassessed, answered, failures: [...failures.values()], ...(withIndustries ? { profiles } : {}) };
  }

  /** The zones whose service answers sheets (or is not known: the router fails those), and those read field by field. */
  private bySheetSupport(zoneIds: readonly string[]): { bySheet: string[]; byField: string[] } {
    const { figureSheets, shardMap } = this.route;
    if (!figureSheets) return { bySheet: [...zoneIds], byField: [] };
    const bySheet: string[] = [];
    const byField: string[] = [];
    // Asked once per service, not per zone: a read of 400 zones routes to a handful of services.
    const answers = new Map<ZoneServiceEntry, boolean>();
    for (const zoneId of zoneIds) {
      const service = shardMap.serviceForZone(zoneId);
      let sheets = true;
      if (service) {
        sheets = answers.get(service) ?? figureSheets.answersSheets(service);
        answers.set(service, sheets);
      }
      (sheets ? bySheet : byField).push(zoneId);
    }
    return { bySheet, byField };
  }

  /**
   * Each zone's sheet, checked; a service that refuses the field (one rolled back to before it) is
   * read field by field from the next read on. `unanswered`: the zones whose entity came with a null
   * sheet; their service is read field by field from now on, until its schema is read again.
   */
  private async readSheets(
    zoneIds: readonly string[],
    variables: Omit<ProvinceReadsFiguresQueryVariables, 'representations'>,
  ): Promise<ZoneFiguresReads & { unanswered: string[] }> {
    const read = new Map<string, ZoneFiguresRead>();
    const unanswered: string[] = [];
    if (zoneIds.length === 0) return { read, failures: new Map(), unanswered };
    const { zones, failures, refusedAsInvalid } = await this.read<ZoneSheetAnswered>(FIGURES_ENTITIES_QUERY, zoneIds, variables);
    zoneIds.forEach((zoneId, i) => {
      const zone = zones[i];
      if (zone && zone.figureSheet === null && !failures.has(zoneId)) {
        unanswered.push(zoneId);
        return;
      }
      const sheet = zone ? sheetOf(zoneId, zone.figureSheet, failures) : undefined;
      if (zone && sheet) read.set(zoneId, { sheet, records: zone.records, enterprises: zone.enterprises });
    });
    // The sheet query differs from the field-by-field one by `figureSheet` alone: a service that finds it invalid predates the field.
    for (const zoneId of refusedAsInvalid) {
      const service = this.route.shardMap.serviceForZone(zoneId);
      if (service) this.route.figureSheets?.refused(service);
    }
    for (const zoneId of unanswered) {
      const service = this.route.shardMap.serviceForZone(zoneId);
      if (service) this.route.figureSheets?.unanswered(service);
    }
    return { read, failures, unanswered };
  }

  /** Each zone's figures field by field, as a sheet (what a service without `figureSheet` answers). */
  private async readFields(zoneIds: readonly string[], variables: Omit<ProvinceReadsFiguresQueryVariables, 'representations'>): Promise<ZoneFiguresReads> {
    const read = new Map<string, ZoneFiguresRead>();
    if (zoneIds.length === 0) return { read, failures: new Map() };
    const { zones, failures } = await this.read<ZoneFieldsAnswered>(FIGURES_BY_FIELD_ENTITIES_QUERY, zoneIds, variables);
    zoneIds.forEach((zoneId, i) => {
      const zone = zones[i];
      if (zone?.indicators) {
        // Null (a service that does not say which indicators it could not compute) says none.
        const sheet = { indicators: zone.indicators.map(sheetFigureOf), unassessedIndicators: zone.unassessedIndicators ?? [] };
        read.set(zoneId, { sheet, records: zone.records, enterprises: zone.enterprises });
      }
    });
    return { read, failures };
  }

  async enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }> {
    const variables: Omit<ProvinceReadsEnterprisesQueryVariables, 'ids'> = { filter: query.filter ?? null, first: query.first, orderBy: query.orderBy };
    const { zones, failures } = await this.read<ProvinceReadsEnterprisesQuery['zones'][number]>(ENTERPRISES_ENTITIES_QUERY, zoneIds, variables);
    const pages: ZonePageOfEnterprises[] = [];
    zoneIds.forEach((zoneId, i) => {
      const enterprises = zones[i]?.enterprises;
      if (!enterprises) {
        if (!failures.has(zoneId)) failures.set(zoneId, { zoneId, service: null, message: `Zone "${zoneId}" returned no enterprises` });
        return;
      }
      pages.push({
        zoneId,
        totalCount: enterprises.totalCount,
        items: enterprises.items.map((e) => ({ id: e.id, nameZh: e.nameZh, employees: e.employees?.value ?? null, outputValue: e.outputValue, tax: e.tax })),
      });
    });
    return { pages, failures: [...failures.values()] };
  }

  /**
   * The entities are typed by the API operation the entity operation was derived from: the zone service answers that selection.
   * With the zone-read cache, entities stored under their zone's current data version are served from it and the rest fetched.
   */
  private async read<T>(query: string, zoneIds: readonly string[], variables: object): Promise<ZoneEntities<T>> {
    const { router, shardMap, send, budget, principal, cache } = this.route;
    const representations = zoneIds.map((id) => ({ __typename: 'Zone', id }));
    const serviceForZone = (zoneId: string) => shardMap.serviceForZone(zoneId);
    const fetch = (sent: readonly unknown[]) =>
      router.fetchEntities({ query, representations: sent, variables: { ...variables }, serviceForZone, send, budget });
    const { entities, errors } = cache
      ? await cache.read({ query, representations, variables: { ...variables }, serviceForZone, principal }, fetch)
      : await fetch(representations);
    return { zones: entities as (T | null)[], failures: failuresOf(errors), refusedAsInvalid: refusedAsInvalidOf(errors) };
  }
}

/** A zone's figure sheet, checked; undefined (the zone's failure recorded, naming what is wrong) when it is missing or malformed. */
function sheetOf(zoneId: string, value: unknown, failures: Map<string, ZoneReadFailure>): FigureSheet | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return readFigureSheet(value);
  } catch (error) {
    if (!failures.has(zoneId)) failures.set(zoneId, { zoneId, service: null, message: `Zone "${zoneId}" answered a malformed ${(error as Error).message}` });
    return undefined;
  }
}

/** The zones whose `ZONE_UNAVAILABLE` says their service answered `GRAPHQL_VALIDATION_FAILED` (`extensions.serviceCodes`). */
function refusedAsInvalidOf(errors: readonly GraphQLFormattedError[]): Set<string> {
  const refused = new Set<string>();
  for (const error of errors) {
    const { zoneId, serviceCodes } = error.extensions ?? {};
    if (typeof zoneId === 'string' && Array.isArray(serviceCodes) && serviceCodes.includes('GRAPHQL_VALIDATION_FAILED')) refused.add(zoneId);
  }
  return refused;
}

/** Zone failures among the errors (the router's and the zone services' own), one per zone: the first message wins. */
function failuresOf(errors: readonly GraphQLFormattedError[]): Map<string, ZoneReadFailure> {
  const failures = new Map<string, ZoneReadFailure>();
  for (const error of errors) {
    const zoneId = error.extensions?.zoneId;
    const service = error.extensions?.service;
    if (typeof zoneId === 'string' && !failures.has(zoneId))
      failures.set(zoneId, { zoneId, service: typeof service === 'string' ? service : null, message: error.message });
  }
  return failures;
}
