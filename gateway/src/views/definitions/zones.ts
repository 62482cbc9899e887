import { rowStatus, STATUS_COLUMNS, type ViewColumn } from '../columns';
import { failuresByZoneIndex } from '../answerErrors';
import { defineView } from '../viewDefinition';
import { cell, PROVINCE_PARAMETER, ZONE_IDS_PARAMETER } from './shared';

type Completeness = 'COMPLETE' | 'NAMED_ONLY';

interface ZonesAnswer {
  zones: {
    id: string;
    nameZh: string;
    nameEn: string;
    province: { code: string; nameZh: string };
    city: string | null;
    level: string;
    service: { name: string } | null;
    records: {
      enterprises: Completeness;
      partyOrganizations: Completeness;
      honors: Completeness;
      alliances: Completeness;
      serviceStations: Completeness;
      asOf: string | null;
    } | null;
    directorySource: { document: string; source: { title: string } | null } | null;
  }[];
}

const COMPLETENESS = ['COMPLETE', 'NAMED_ONLY'];
const completeness = (kind: string): ViewColumn => ({
  name: `records_${kind.replace(/ /g, '_')}`,
  type: 'string',
  values: COMPLETENESS,
  description: `How complete the zone's ${kind} records are: COMPLETE (its full register) or NAMED_ONLY (only what a source names; counts over them are lower bounds)`,
});

/** The zone directory: one row per zone, with its record completeness. */
export const zonesView = defineView<ZonesAnswer>({
  name: 'zones',
  title: 'Zone directory',
  description:
    'One row per zone the credential may read: names, province, city, level, hosting service and how complete each kind of its records is. Directory facts come from the province, so a zone whose service is down keeps its row, marked `unavailable`, with its record completeness empty.',
  parameters: { province: PROVINCE_PARAMETER, ids: ZONE_IDS_PARAMETER },
  zoneList: 'zones',
  columns: [
    { name: 'zone_id', type: 'string', notNull: true, description: 'Zone id (`yongkang`)' },
    { name: 'name_zh', type: 'string', notNull: true, description: 'Zone name in Chinese' },
    { name: 'name_en', type: 'string', description: 'Zone name in English' },
    { name: 'province', type: 'string', notNull: true, description: 'Province code (`zhejiang`, `anhui`, `fujian`)' },
    { name: 'province_name', type: 'string', description: 'Province name in Chinese' },
    {
      name: 'city',
      type: 'string',
      description: 'County, county-level city or district the zone lies in, by its full official name (永康市); empty when no source says',
    },
    {
      name: 'level',
      type: 'string',
      values: ['NATIONAL', 'PROVINCIAL', 'UNKNOWN'],
      description: 'NATIONAL or PROVINCIAL development zone; UNKNOWN where no source says',
    },
    { name: 'service', type: 'string', description: 'Name of the zone service hosting the zone' },
    completeness('enterprises'),
    completeness('party organizations'),
    completeness('honors'),
    completeness('alliances'),
    completeness('service stations'),
    { name: 'records_as_of', type: 'string', description: 'Date the records are as of: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources (kept as text)' },
    { name: 'directory_source_document', type: 'string', description: 'File name of the article the directory facts are quoted from' },
    { name: 'directory_source_title', type: 'string', description: 'Title of that article' },
    ...STATUS_COLUMNS,
  ],
  *rows({ data, errors }) {
    const failures = failuresByZoneIndex(errors, 'zones');
    for (const [index, zone] of data.zones.entries()) {
      const records = zone.records;
      const failure = failures.get(index) ?? (records === null ? 'the zone service gave no records' : undefined);
      yield {
        zone_id: zone.id,
        name_zh: zone.nameZh,
        name_en: zone.nameEn,
        province: zone.province.code,
        province_name: zone.province.nameZh,
        city: zone.city,
        level: zone.level,
        service: cell(zone.service?.name),
        records_enterprises: cell(records?.enterprises),
        records_party_organizations: cell(records?.partyOrganizations),
        records_honors: cell(records?.honors),
        records_alliances: cell(records?.alliances),
        records_service_stations: cell(records?.serviceStations),
        records_as_of: cell(records?.asOf),
        directory_source_document: cell(zone.directorySource?.document),
        directory_source_title: cell(zone.directorySource?.source?.title),
        ...rowStatus(failure),
      };
    }
  },
});
