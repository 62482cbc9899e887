import { groupColumnName, rowStatus, STATUS_COLUMNS, type CellValue, type ColumnGroup } from '../columns';
import { competitionRanks } from '../competitionRanks';
import { defineView } from '../viewDefinition';
import { cell, QUALIFIERS, ZONE_COLUMNS } from './shared';

interface FigureCell {
  code: string;
  status: 'PRESENT' | 'MISSING' | 'ZONE_UNAVAILABLE';
  value: number | null;
  unitLabel: string;
  qualifier: string | null;
  period: string | null;
  note: string | null;
  provenance: { kind: string; document: string | null; passage: string | null; computation: string | null; recordCompleteness: string | null } | null;
}

interface ComparisonAnswer {
  compareZones: {
    indicators: { code: string; direction: 'BENEFIT' | 'COST' | 'NEUTRAL'; unit: string; unitLabel: string }[];
    rows: { zone: { id: string; nameZh: string; province: { code: string } }; cells: FigureCell[] }[];
    failedZones: { zoneId: string; service: string | null; message: string }[];
  };
  sourceDocuments: { fileName: string; title: string }[];
}

/** Indicator codes as the catalogue writes them: what a column group's key can be. */
const INDICATOR_CODE = '[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*';

/** One group of columns per compared indicator. */
const INDICATOR_GROUP: ColumnGroup = {
  group: 'indicator',
  keys: 'each code of the `indicators` parameter, in the order given',
  keyPattern: INDICATOR_CODE,
  columns: [
    { name: '{key}.value', type: 'number', description: 'The figure; empty when the zone has none (see the note), never 0' },
    { name: '{key}.unit', type: 'string', description: 'Unit as written in Chinese (个, 人, % ...)' },
    { name: '{key}.precision', type: 'string', values: QUALIFIERS, description: 'EXACT, AT_LEAST (a lower bound: 2000余名) or ABOUT' },
    { name: '{key}.period', type: 'string', description: 'Period of the figure (YYYY, YYYY-MM ...; kept as text)' },
    {
      name: '{key}.kind',
      type: 'string',
      values: ['REPORTED', 'COMPUTED', 'DERIVED', 'SYNTHETIC'],
      description: 'REPORTED (quoted from a source), COMPUTED (from the zone records), DERIVED (by the province from other figures) or SYNTHETIC',
    },
    {
      name: '{key}.rank',
      type: 'integer',
      description:
        'Rank among the rows on this indicator, 1 best by the catalogue direction (largest first; smallest first for COST indicators); ties share a rank (1, 1, 3); a lower bound is ranked by its bound; empty without a value',
    },
    {
      name: '{key}.source',
      type: 'string',
      description: 'File name of the source article for a reported figure; the computation for a computed or derived one',
    },
    { name: '{key}.source_title', type: 'string', description: 'Title of the source article' },
    { name: '{key}.note', type: 'string', description: 'Which figure was chosen over which, or why there is none' },
  ],
};

/** compareZones as a table: one row per zone, one column group per requested indicator. */
export const comparisonView = defineView<ComparisonAnswer>({
  name: 'comparison',
  title: 'Zones compared on indicators',
  description:
    'compareZones as a table (needs the ANALYST or ADMIN role): one row per zone in scope, one group of columns per indicator of the `indicators` parameter, in that order: the figure chosen for the zone (reported where the zone has one, else computed, by `source`), its unit, precision, period, kind, rank among the rows, source and note. A missing figure is an empty value with the reason in `<code>.note`, never 0. A zone whose service is down keeps its row, marked `unavailable`.',
  parameters: {
    indicators: 'Indicator codes of the catalogue, derived ones (`derived.*`) included, comma-separated: the column groups, in this order (at most 50).',
    provinces: 'Only zones of these provinces (codes, comma-separated); every zone in scope when neither this nor `zoneIds` is given.',
    zoneIds: 'Only these zones, in this order (comma-separated). With `provinces`, a zone must satisfy both.',
    period: 'Keep figures whose period starts with this (`2020`); the latest figure otherwise.',
    source: 'Which figures the cells use: REPORTED, COMPUTED or PREFER_REPORTED (reported where a zone has one, else computed).',
    computedOverNamedOnly:
      'Also use figures computed over NAMED_ONLY records (only what the sources name, not the whole zone); the cell note then says so. Off by default.',
  },
  groupKeys: (_variables, data) => ({ indicator: data.compareZones.indicators.map((indicator) => indicator.code) }),
  columns: [...ZONE_COLUMNS, INDICATOR_GROUP, ...STATUS_COLUMNS],
  *rows({ data }) {
    const { indicators, rows, failedZones } = data.compareZones;
    const titles = new Map(data.sourceDocuments.map((document) => [document.fileName, document.title]));
    const failures = new Map(failedZones.map((failure) => [failure.zoneId, failure.message]));
    const ranks = indicators.map((indicator, column) =>
      competitionRanks(
        rows.map((row) => (row.cells[column]?.status === 'PRESENT' ? row.cells[column].value : null)),
        indicator.direction === 'COST' ? 'ASC' : 'DESC',
      ),
    );
    for (const [index, { zone, cells }] of rows.entries()) {
      const groups: Record<string, CellValue> = {};
      for (const [column, indicator] of indicators.entries()) {
        const figure = cells[column];
        const document = figure?.provenance?.document ?? null;
        groups[`${indicator.code}.value`] = figure?.status === 'PRESENT' ? figure.value : null;
        groups[`${indicator.code}.unit`] = indicator.unitLabel;
        groups[`${indicator.code}.precision`] = cell(figure?.qualifier);
        groups[`${indicator.code}.period`] = cell(figure?.period);
        groups[`${indicator.code}.kind`] = cell(figure?.provenance?.kind);
        groups[`${indicator.code}.rank`] = ranks[column][index];
        groups[`${indicator.code}.source`] = document ?? cell(figure?.provenance?.computation);
        groups[`${indicator.code}.source_title`] = document === null ? null : (titles.get(document) ?? null);
        groups[`${indicator.code}.note`] = cell(figure?.note);
      }
      const unavailable = cells.some((figure) => figure.status === 'ZONE_UNAVAILABLE');
      const failure = failures.get(zone.id) ?? (unavailable ? 'the zone service could not answer' : undefined);
      yield { zone_id: zone.id, zone_name: zone.nameZh, province: zone.province.code, ...groups, ...rowStatus(failure) };
    }
    const listed = new Set(rows.map((row) => row.zone.id));
    for (const failure of failedZones.filter((failed) => !listed.has(failed.zoneId))) {
      const empty = Object.fromEntries(indicators.flatMap(({ code }) => INDICATOR_GROUP.columns.map((column) => [groupColumnName(column.name, code), null])));
      yield { zone_id: failure.zoneId, zone_name: null, province: null, ...empty, ...rowStatus(failure.message) };
    }
  },
});
