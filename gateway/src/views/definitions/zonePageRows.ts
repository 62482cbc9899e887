import { failuresByZoneIndex } from '../answerErrors';
import { rowStatus, type Row } from '../columns';
import type { ViewAnswer } from '../viewDefinition';

/** One page of a zone's records, as a view that pages each zone asks it. */
export interface ZonePage<Item> {
  readonly totalCount: number;
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  readonly items: readonly Item[];
}

/** A zone of such a view's answer: the fields of its zone columns. */
export interface PagedZone {
  readonly id: string;
  readonly nameZh: string;
  readonly province: { readonly code: string };
}

/** Where a record comes from, as the views select it (`provenance { kind document passage source { title } }`). */
export interface RecordProvenance {
  readonly kind: string;
  readonly document: string | null;
  readonly passage: string | null;
  readonly source: { readonly title: string } | null;
}

/** The cells of RECORD_SOURCE_COLUMNS for one record. */
export function recordSourceCells(provenance: RecordProvenance): Row {
  return {
    kind: provenance.kind,
    source_document: provenance.document,
    source_title: provenance.source?.title ?? null,
    passage: provenance.passage,
  };
}

export interface ZonePageRows<Zone, Item> {
  /** The zone's page; null when its service gave none. */
  readonly pageOf: (zone: Zone) => ZonePage<Item> | null;
  /** What the page holds, for the message of a zone without one (`enterprises`). */
  readonly records: string;
  /** Cells of the row of a zone without a page. @default none: every format writes a column a row lacks as empty (`valuesOf`) */
  readonly empty?: Row;
  /** The record cells of one item. */
  readonly cellsOf: (item: Item) => Row;
}

/**
 * The rows of a view with one page of records per zone (`zones { <records>(…) { totalCount pageInfo items } }`),
 * zone by zone: a row per record after its zone's columns, the zone's match count and next cursor,
 * marked with the zone's failure if it has one; a zone without a page gets one row with its zone's
 * columns alone (the record cells empty), marked with its failure.
 */
export function* zonePageRows<Zone extends PagedZone, Item>(
  { data, errors }: ViewAnswer<{ readonly zones: readonly Zone[] }>,
  { pageOf, records, empty = {}, cellsOf }: ZonePageRows<Zone, Item>,
): Generator<Row> {
  const failures = failuresByZoneIndex(errors, 'zones');
  for (const [index, zone] of data.zones.entries()) {
    const where = { zone_id: zone.id, zone_name: zone.nameZh, province: zone.province.code };
    const page = pageOf(zone);
    const failure = failures.get(index) ?? (page === null ? `the zone service gave no ${records}` : undefined);
    if (page === null) {
      yield { ...where, ...empty, ...rowStatus(failure) };
      continue;
    }
    for (const item of page.items) {
      yield {
        ...where,
        zone_match_count: page.totalCount,
        zone_next_after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
        ...cellsOf(item),
        ...rowStatus(failure),
      };
    }
  }
}
