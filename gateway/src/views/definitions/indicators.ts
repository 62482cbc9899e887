import { failuresByZoneIndex } from '../answerErrors';
import { rowStatus, STATUS_COLUMNS } from '../columns';
import { defineView } from '../viewDefinition';
import { cell, PROVINCE_PARAMETER, PROVENANCE_KINDS, QUALIFIERS, ZONE_COLUMNS, ZONE_IDS_PARAMETER } from './shared';

interface IndicatorsAnswer {
  zones: {
    id: string;
    nameZh: string;
    province: { code: string };
    indicators:
      | {
          code: string;
          nameZh: string;
          value: number;
          unit: string;
          unitLabel: string;
          qualifier: string;
          period: string;
          periodBasis: string | null;
          note: string | null;
          provenance: {
            kind: string;
            document: string | null;
            passage: string | null;
            computation: string | null;
            recordCompleteness: string | null;
            recordCount: number | null;
            source: { title: string; date: string } | null;
          };
        }[]
      | null;
  }[];
}

const EMPTY_FIGURE = {
  indicator: null,
  indicator_name: null,
  value: null,
  unit: null,
  unit_label: null,
  precision: null,
  period: null,
  period_basis: null,
  kind: null,
  source_document: null,
  source_title: null,
  source_date: null,
  passage: null,
  computation: null,
  record_completeness: null,
  record_count: null,
  note: null,
};

/** Every figure of every zone: one row per zone × indicator × period, reported and computed side by side. */
export const indicatorsView = defineView<IndicatorsAnswer>({
  name: 'indicators',
  title: 'Indicator figures',
  description:
    'One row per zone × indicator × period: the value with its unit and precision (2000余名 is 2000, AT_LEAST), and where it comes from: the source article and quoted passage for a REPORTED figure, the computation and the records it ran over for a COMPUTED one. Reported and computed figures are separate rows, never merged. A zone whose service is down has one row, marked `unavailable`, with no figure.',
  parameters: {
    province: PROVINCE_PARAMETER,
    ids: ZONE_IDS_PARAMETER,
    codes: 'Only these indicator codes (comma-separated or repeated: `codes=party_org.count,org_coverage.rate`); every indicator when not given.',
    period: 'Only figures whose period starts with this (`2020`).',
  },
  zoneList: 'zones',
  columns: [
    ...ZONE_COLUMNS,
    { name: 'indicator', type: 'string', description: 'Indicator code of the catalogue (`party_org.count`)' },
    { name: 'indicator_name', type: 'string', description: 'Indicator name in Chinese' },
    { name: 'value', type: 'number', description: 'The figure, in `unit`; read it with `precision`' },
    { name: 'unit', type: 'string', description: 'Unit code (count, person, percent, cny_100m ...)' },
    { name: 'unit_label', type: 'string', description: 'Unit as written in Chinese (个, 人, %, 亿元 ...)' },
    { name: 'precision', type: 'string', values: QUALIFIERS, description: 'EXACT; AT_LEAST for 余/多/以上/超 (a lower bound); ABOUT for 约/近' },
    { name: 'period', type: 'string', description: 'YYYY, YYYY-MM, YYYY-MM-DD or START/END (kept as text: as precise as the source)' },
    { name: 'period_basis', type: 'string', description: 'How the period was established' },
    {
      name: 'kind',
      type: 'string',
      values: PROVENANCE_KINDS,
      description: 'REPORTED (quoted from a source article), COMPUTED (aggregated from the zone records) or SYNTHETIC',
    },
    { name: 'source_document', type: 'string', description: 'REPORTED: file name of the source article under data/sources' },
    { name: 'source_title', type: 'string', description: 'REPORTED: title of the source article' },
    { name: 'source_date', type: 'string', description: 'REPORTED: date of the source article (YYYY, YYYY-MM or YYYY-MM-DD)' },
    { name: 'passage', type: 'string', description: 'REPORTED: the passage quoted verbatim' },
    { name: 'computation', type: 'string', description: 'COMPUTED: how the figure was computed' },
    {
      name: 'record_completeness',
      type: 'string',
      values: ['COMPLETE', 'NAMED_ONLY'],
      description: 'COMPUTED: completeness of the records it was computed over (NAMED_ONLY: only what the sources name, so a count is a lower bound)',
    },
    { name: 'record_count', type: 'integer', description: 'COMPUTED: how many records it was computed over' },
    { name: 'note', type: 'string', description: 'Caveats the zone gives with the figure' },
    ...STATUS_COLUMNS,
  ],
  *rows({ data, errors }) {
    const failures = failuresByZoneIndex(errors, 'zones');
    for (const [index, zone] of data.zones.entries()) {
      const where = { zone_id: zone.id, zone_name: zone.nameZh, province: zone.province.code };
      const failure = failures.get(index) ?? (zone.indicators === null ? 'the zone service gave no figures' : undefined);
      if (zone.indicators === null) {
        yield { ...where, ...EMPTY_FIGURE, ...rowStatus(failure) };
        continue;
      }
      for (const figure of zone.indicators) {
        const { provenance } = figure;
        yield {
          ...where,
          indicator: figure.code,
          indicator_name: figure.nameZh,
          value: figure.value,
          unit: figure.unit,
          unit_label: figure.unitLabel,
          precision: figure.qualifier,
          period: figure.period,
          period_basis: figure.periodBasis,
          kind: provenance.kind,
          source_document: provenance.document,
          source_title: cell(provenance.source?.title),
          source_date: cell(provenance.source?.date),
          passage: provenance.passage,
          computation: provenance.computation,
          record_completeness: provenance.recordCompleteness,
          record_count: provenance.recordCount,
          note: figure.note,
          ...rowStatus(failure),
        };
      }
    }
  },
});
