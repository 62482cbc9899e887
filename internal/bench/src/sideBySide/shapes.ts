/** The query shapes of the side-by-side suite, as sent to a gateway and, as the gateway would send them, to a zone service. */
export const ENTITIES = (selection: string) => `query($r:[_Any!]!){ _entities(representations:$r){ ${selection} } }`;

export const SINGLE_ZONE = 'yongkang';
const ENTERPRISE_PAGE = `enterprises(first: 20) { totalCount items { id nameZh industry employees { value qualifier } } }`;
const PROVINCE_WIDE_CODES = `["party_org.count", "org_coverage.rate", "honor.count"]`;

export interface SingleZoneShape {
  name: string;
  concurrency: readonly number[];
  /** What a gateway is asked (a root field on the province, fields from the zone). */
  gateway: string;
  /** What the zone service is asked directly: the `_entities` fetch a gateway sends for it. */
  direct: { query: string; variables: Record<string, unknown> };
  /**
   * Variables of the n-th request of a column, added to the gateway's and the direct ones: a
   * shape whose requests differ from one another (nothing in flight to share). Absent: every
   * request is the same.
   */
  vary?: (n: number) => Record<string, unknown>;
}

const zoneRepresentation = { r: [{ __typename: 'Zone', id: SINGLE_ZONE }] };
const VARIED_PAGE = `enterprises(first: 20, offset: $o) { totalCount items { id nameZh industry employees { value qualifier } } }`;
/** Offsets cycle over more values than requests in flight: concurrent requests of one column never ask the same page. */
const VARIED_OFFSETS = 1000;

export const SINGLE_ZONE_SHAPES: readonly SingleZoneShape[] = [
  {
    name: `one zone's indicators (${SINGLE_ZONE})`,
    concurrency: [1, 32],
    gateway: `{ zone(id: "${SINGLE_ZONE}") { indicators { code value } } }`,
    direct: { query: ENTITIES('... on Zone { indicators { code value } }'), variables: zoneRepresentation },
  },
  {
    name: `a page of 20 enterprises (${SINGLE_ZONE})`,
    concurrency: [32],
    gateway: `{ zone(id: "${SINGLE_ZONE}") { ${ENTERPRISE_PAGE} } }`,
    direct: { query: ENTITIES(`... on Zone { ${ENTERPRISE_PAGE} }`), variables: zoneRepresentation },
  },
  {
    name: `a page of 20 enterprises, a different offset per request (${SINGLE_ZONE})`,
    concurrency: [32],
    gateway: `query($o: Int!) { zone(id: "${SINGLE_ZONE}") { ${VARIED_PAGE} } }`,
    direct: { query: `query($r:[_Any!]!, $o: Int!){ _entities(representations:$r){ ... on Zone { ${VARIED_PAGE} } } }`, variables: zoneRepresentation },
    vary: (n) => ({ o: n % VARIED_OFFSETS }),
  },
  {
    name: `zones(ids: ["${SINGLE_ZONE}"]) indicators`,
    concurrency: [32],
    gateway: `{ zones(ids: ["${SINGLE_ZONE}"]) { id indicators { code value } } }`,
    direct: { query: ENTITIES('... on Zone { id indicators { code value } }'), variables: zoneRepresentation },
  },
];

/** Every zone of the directory, three indicators each (as bench 4b). */
export const PROVINCE_WIDE_GATEWAY = `{ zones { id indicators(codes: ${PROVINCE_WIDE_CODES}) { code value } } }`;

/** Directly: one `_entities` request per zone service for all its zones, sent in parallel, as the gateway fans out. */
export const provinceWideDirect = (zoneIds: readonly string[]) => ({
  query: ENTITIES(`... on Zone { id indicators(codes: ${PROVINCE_WIDE_CODES}) { code value } }`),
  variables: { r: zoneIds.map((id) => ({ __typename: 'Zone', id })) },
});

export const PROVINCE_WIDE_CONCURRENCY: readonly number[] = [1, 32];
