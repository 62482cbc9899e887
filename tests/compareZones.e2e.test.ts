import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

/** compareZones end to end: real zone services, province and gateway on the seeded databases. */

const SUBGRAPHS = path.resolve(__dirname, '../subgraphs');

interface SeedFigure {
  code: string;
  value: number;
  qualifier: string;
  period: string;
  source: { document: string };
}

/** The seeded directory: which zones each province has. */
function seededZonesOf(province: string): string[] {
  const directory = JSON.parse(readFileSync(path.join(SUBGRAPHS, 'province/seed/directory.json'), 'utf8')) as { zones: { id: string; provinceCode: string }[] };
  return directory.zones.filter((z) => z.provinceCode === province).map((z) => z.id);
}

/** The figures a zone's seed file reports for a code (read from whichever zone service seeds it). */
function seededFigures(zoneId: string, code: string): SeedFigure[] {
  const service = readdirSync(SUBGRAPHS).find((dir) => dir !== 'province' && readdirSync(path.join(SUBGRAPHS, dir, 'seed')).includes(`${zoneId}.json`));
  if (!service) throw new Error(`no seed file for zone ${zoneId}`);
  const seed = JSON.parse(readFileSync(path.join(SUBGRAPHS, service, 'seed', `${zoneId}.json`), 'utf8')) as { indicators: SeedFigure[] };
  return seed.indicators.filter((f) => f.code === code);
}

interface Cell {
  code: string;
  status: 'PRESENT' | 'MISSING' | 'ZONE_UNAVAILABLE';
  value: number | null;
  unitLabel: string;
  qualifier: string | null;
  period: string | null;
  note: string | null;
  provenance: { kind: string; document: string | null; computation: string | null } | null;
  inputs: { code: string; value: number | null; qualifier: string | null; provenance: { kind: string; document: string | null } | null }[];
}
interface Aggregate {
  province: { code: string; nameZh: string };
  indicator: string;
  zoneCount: number;
  valueCount: number;
  missingCount: number;
  unavailableCount: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  lowerBoundCount: number;
  qualifier: string | null;
}
interface Comparison {
  indicators: { code: string; unitLabel: string; derivation: { formula: string } | null }[];
  rows: { zone: { id: string; nameZh: string; province: { code: string } }; cells: Cell[] }[];
  provinceAggregates: Aggregate[];
  failedZones: { zoneId: string; service: string | null; message: string }[];
}

const COMPARE = /* GraphQL */ `
  query Compare($zoneIds: [ID!], $provinces: [String!], $indicators: [String!]!, $period: String, $source: ValueSource! = PREFER_REPORTED) {
    compareZones(zoneIds: $zoneIds, provinces: $provinces, indicators: $indicators, period: $period, source: $source) {
      indicators {
        code
        unitLabel
        derivation {
          formula
        }
      }
      rows {
        zone {
          id
          nameZh
          province {
            code
          }
        }
        cells {
          code
          status
          value
          unitLabel
          qualifier
          period
          note
          provenance {
            kind
            document
            computation
          }
          inputs {
            code
            value
            qualifier
            provenance {
              kind
              document
            }
          }
        }
      }
      provinceAggregates {
        province {
          code
          nameZh
        }
        indicator
        zoneCount
        valueCount
        missingCount
        unavailableCount
        mean
        median
        min
        max
        lowerBoundCount
        qualifier
      }
      failedZones {
        zoneId
        service
        message
      }
    }
  }
`;

describe('compareZones on the seeded stack', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const compare = (variables: Record<string, unknown>) => postGraphQL<{ compareZones: Comparison }>(stack.gatewayUrl, COMPARE, variables);
  const cellOf = (comparison: Comparison, zoneId: string, code: string): Cell => {
    const row = comparison.rows.find((r) => r.zone.id === zoneId);
    if (!row) throw new Error(`no row for ${zoneId}`);
    const cell = row.cells.find((c) => c.code === code);
    if (!cell) throw new Error(`no ${code} cell for ${zoneId}`);
    return cell;
  };
  const aggregateOf = (comparison: Comparison, province: string, indicator: string): Aggregate => {
    const aggregate = comparison.provinceAggregates.find((a) => a.province.code === province && a.indicator === indicator);
    if (!aggregate) throw new Error(`no aggregate for ${province} / ${indicator}`);
    return aggregate;
  };
  const requestsPerService = () => Object.fromEntries(stack.zoneServices.map((s) => [s.name, s.stats.requests]));
  const resetStats = () => stack.zoneServices.forEach((s) => s.stats.reset());

  it('compares every Anhui zone on reported figures, cells in indicator order, with source documents', async () => {
    const codes = ['org_coverage.rate', 'party_org.count'];
    const body = await compare({ provinces: ['anhui'], indicators: codes, source: 'REPORTED' });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareZones;
    expect(comparison.indicators.map((i) => i.code)).toEqual(codes);
    expect(comparison.indicators[0].unitLabel).toBe('%');
    expect(comparison.rows.map((r) => r.zone.id).sort()).toEqual(seededZonesOf('anhui').sort());
    expect(comparison.rows.every((r) => r.zone.province.code === 'anhui' && r.cells.map((c) => c.code).join() === codes.join())).toBe(true);
    expect(comparison.failedZones).toEqual([]);

    expect(cellOf(comparison, 'chuzhou', 'org_coverage.rate')).toMatchObject({
      status: 'PRESENT',
      value: 71,
      unitLabel: '%',
      qualifier: 'EXACT',
      provenance: { kind: 'REPORTED', document: '003_037c2896ec0aa84d.txt' },
    });
    // Every cell agrees with the seed files: present with the seeded value where a zone reports one, missing otherwise.
    for (const row of comparison.rows) {
      for (const cell of row.cells) {
        const seeded = seededFigures(row.zone.id, cell.code);
        if (seeded.length === 1)
          expect(cell).toMatchObject({
            status: 'PRESENT',
            value: seeded[0].value,
            period: seeded[0].period,
            provenance: { document: seeded[0].source.document },
          });
        if (seeded.length === 0) expect(cell.status).toBe('MISSING');
      }
    }
  });

  it('marks a zone lacking a figure MISSING with a note saying why', async () => {
    const anhuiZones = seededZonesOf('anhui');
    const lacking = anhuiZones.find((zoneId) => seededFigures(zoneId, 'org_coverage.rate').length === 0)!;
    const body = await compare({ provinces: ['anhui'], indicators: ['org_coverage.rate'], source: 'REPORTED' });
    expect(body.errors).toBeUndefined();
    const cell = cellOf(body.data!.compareZones, lacking, 'org_coverage.rate');
    expect(cell).toMatchObject({ status: 'MISSING', value: null, qualifier: null, provenance: null, note: 'no reported figure' });

    const inPeriod = await compare({ zoneIds: ['yongkang', 'chuzhou'], indicators: ['party_org.count'], period: '2022', source: 'REPORTED' });
    expect(inPeriod.errors).toBeUndefined();
    expect(cellOf(inPeriod.data!.compareZones, 'yongkang', 'party_org.count')).toMatchObject({ status: 'PRESENT', value: 82, period: '2022' });
    expect(cellOf(inPeriod.data!.compareZones, 'chuzhou', 'party_org.count')).toMatchObject({ status: 'MISSING', note: 'no reported figure for period 2022' });
  });

  it('aggregates per province, keeping lower bounds visible (Yongkang: 2000余名)', async () => {
    const body = await compare({ provinces: ['zhejiang', 'anhui', 'fujian'], indicators: ['party_member.count'], source: 'REPORTED' });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareZones;
    expect(comparison.provinceAggregates.map((a) => a.province.code)).toEqual(['zhejiang', 'anhui', 'fujian']);

    const [yongkang] = seededFigures('yongkang', 'party_member.count');
    const [chengxi] = seededFigures('chengxi', 'party_member.count');
    expect(yongkang).toMatchObject({ value: 2000, qualifier: 'at_least' });
    const zhejiang = aggregateOf(comparison, 'zhejiang', 'party_member.count');
    expect(zhejiang).toMatchObject({
      zoneCount: seededZonesOf('zhejiang').length,
      valueCount: 2,
      missingCount: 0,
      mean: (yongkang.value + chengxi.value) / 2,
      median: (yongkang.value + chengxi.value) / 2,
      min: Math.min(yongkang.value, chengxi.value),
      max: Math.max(yongkang.value, chengxi.value),
      lowerBoundCount: 2,
      qualifier: 'AT_LEAST',
    });
    expect(zhejiang.province.nameZh).toBe('浙江省');

    // Anhui: only Ningguo reports members (900余名); the other zones are counted as missing, not dropped.
    const anhui = aggregateOf(comparison, 'anhui', 'party_member.count');
    const anhuiZones = seededZonesOf('anhui');
    const reporting = anhuiZones.filter((z) => seededFigures(z, 'party_member.count').length > 0);
    expect(anhui).toMatchObject({
      zoneCount: anhuiZones.length,
      valueCount: reporting.length,
      missingCount: anhuiZones.length - reporting.length,
      lowerBoundCount: 1,
      qualifier: 'AT_LEAST',
    });

    // Fujian (Jinjiang) reports no member count: no statistics, no qualifier.
    expect(aggregateOf(comparison, 'fujian', 'party_member.count')).toMatchObject({
      zoneCount: 1,
      valueCount: 0,
      missingCount: 1,
      mean: null,
      median: null,
      min: null,
      max: null,
      qualifier: null,
    });
  });

  it('shows a derived indicator with its inputs and their provenance', async () => {
    const body = await compare({ zoneIds: ['yongkang'], indicators: ['derived.members_per_org'], source: 'REPORTED' });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareZones;
    expect(comparison.indicators[0].derivation?.formula).toBe('party_member.count ÷ party_org.count');
    const cell = cellOf(comparison, 'yongkang', 'derived.members_per_org');
    expect(cell).toMatchObject({
      status: 'PRESENT',
      value: 24.3902,
      qualifier: 'AT_LEAST',
      provenance: { kind: 'DERIVED', computation: 'party_member.count ÷ party_org.count' },
    });
    expect(cell.inputs).toEqual([
      { code: 'party_member.count', value: 2000, qualifier: 'AT_LEAST', provenance: { kind: 'REPORTED', document: '000_b89a998cf9687559.txt' } },
      { code: 'party_org.count', value: 82, qualifier: 'EXACT', provenance: { kind: 'REPORTED', document: '000_b89a998cf9687559.txt' } },
    ]);
  });

  it('derives growth only from two periods a year apart, and says which period is missing', async () => {
    const body = await compare({ zoneIds: ['chengxi'], indicators: ['derived.output_growth', 'output.above_size_industrial.growth'], source: 'REPORTED' });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareZones;
    // Chengxi reports its Jan-Aug 2021 output (106.5亿元) and a growth rate, but no Jan-Aug 2020 output.
    const derived = cellOf(comparison, 'chengxi', 'derived.output_growth');
    expect(derived).toMatchObject({ status: 'MISSING' });
    expect(derived.note).toContain('needs output.above_size_industrial for 2020-01/2020-08');
    expect(derived.inputs[0]).toMatchObject({ code: 'output.above_size_industrial', value: 106.5 });
    expect(cellOf(comparison, 'chengxi', 'output.above_size_industrial.growth')).toMatchObject({ status: 'PRESENT', value: 50, qualifier: 'AT_LEAST' });
  });

  it('keeps the order of zoneIds, and requires both zoneIds and provinces to hold when both are given', async () => {
    const ordered = await compare({ zoneIds: ['ningguo', 'yongkang', 'chuzhou'], indicators: ['party_org.count'] });
    expect(ordered.errors).toBeUndefined();
    expect(ordered.data!.compareZones.rows.map((r) => r.zone.id)).toEqual(['ningguo', 'yongkang', 'chuzhou']);
    expect(ordered.data!.compareZones.provinceAggregates.map((a) => a.province.code)).toEqual(['anhui', 'zhejiang']);
    expect(aggregateOf(ordered.data!.compareZones, 'anhui', 'party_org.count')).toMatchObject({
      zoneCount: 2,
      valueCount: 2,
      mean: (83 + 115) / 2,
      min: 83,
      max: 115,
      qualifier: 'EXACT',
    });

    const both = await compare({ zoneIds: ['yongkang', 'chuzhou'], provinces: ['anhui'], indicators: ['party_org.count'] });
    expect(both.errors).toBeUndefined();
    expect(both.data!.compareZones.rows.map((r) => r.zone.id)).toEqual(['chuzhou']);
  });

  it('reads every zone in one request per zone service', async () => {
    resetStats();
    const body = await postGraphQL<{ compareZones: { rows: { zone: { id: string } }[]; failedZones: unknown[] } }>(
      stack.gatewayUrl,
      `{ compareZones(indicators: ["org_coverage.rate", "party_org.count", "party_member.count", "derived.members_per_org"]) { rows { zone { id } cells { status } } failedZones { zoneId } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.compareZones.rows).toHaveLength(9);
    expect(body.data!.compareZones.failedZones).toEqual([]);
    expect(requestsPerService()).toEqual({ yongkang: 1, chengxi: 1, jinjiang: 1, anhui: 1 });

    // Only the services hosting zones in scope are asked.
    resetStats();
    const anhui = await compare({ provinces: ['anhui'], indicators: ['party_org.count'] });
    expect(anhui.errors).toBeUndefined();
    expect(requestsPerService()).toEqual({ yongkang: 0, chengxi: 0, jinjiang: 0, anhui: 1 });
  });

  describe('named-only records and sorting', () => {
    const SORTED = /* GraphQL */ `
      query Sorted($provinces: [String!], $indicators: [String!]!, $sort: ComparisonSortInput, $named: Boolean! = false) {
        compareZones(provinces: $provinces, indicators: $indicators, sort: $sort, computedOverNamedOnly: $named) {
          sortedBy {
            indicator
            direction
          }
          rows {
            zone {
              id
            }
            rank
            rankNote
            cells {
              code
              status
              value
              qualifier
              note
              provenance {
                kind
                recordCompleteness
                recordCount
              }
            }
          }
          provinceAggregates {
            province {
              code
            }
            indicator
            valueCount
            mean
            qualifier
            lowerBoundCount
            reportedCount
            computedCount
            derivedCount
            namedOnlyCount
          }
        }
      }
    `;
    interface SortedAnswer {
      compareZones: {
        sortedBy: { indicator: string; direction: string } | null;
        rows: {
          zone: { id: string };
          rank: number | null;
          rankNote: string | null;
          cells: (Pick<Cell, 'code' | 'status' | 'value' | 'qualifier' | 'note'> & {
            provenance: { kind: string; recordCompleteness: string | null; recordCount: number | null } | null;
          })[];
        }[];
        provinceAggregates: (Pick<Aggregate, 'indicator' | 'valueCount' | 'mean' | 'qualifier' | 'lowerBoundCount'> & {
          province: { code: string };
          reportedCount: number;
          computedCount: number;
          derivedCount: number;
          namedOnlyCount: number;
        })[];
      };
    }
    const sorted = async (variables: Record<string, unknown>) => {
      const body = await postGraphQL<SortedAnswer>(stack.gatewayUrl, SORTED, variables);
      expect(body.errors).toBeUndefined();
      return body.data!.compareZones;
    };
    const ranks = (c: SortedAnswer['compareZones']) => c.rows.map((r) => [r.zone.id, r.rank]);

    it("by default ranks no coverage rate computed over named-only records above Chuzhou's reported 71 %, and says why the others have none", async () => {
      const comparison = await sorted({ provinces: ['anhui'], indicators: ['org_coverage.rate'], sort: { indicator: 'org_coverage.rate', direction: 'DESC' } });
      expect(comparison.sortedBy).toEqual({ indicator: 'org_coverage.rate', direction: 'DESC' });
      expect(comparison.rows[0]).toMatchObject({
        zone: { id: 'chuzhou' },
        rank: 1,
        rankNote: null,
        cells: [{ status: 'PRESENT', value: 71, provenance: { kind: 'REPORTED', recordCompleteness: null } }],
      });
      for (const row of comparison.rows.slice(1)) {
        expect(row).toMatchObject({ rank: null, rankNote: 'no value (missing): listed last, not ranked', cells: [{ status: 'MISSING', value: null }] });
        expect(row.cells[0].note).toMatch(/^no reported or computed figure; not assessable: /);
      }
      // Changfeng, Feixi and Ningguo name a few enterprises: the zone says a rate over them cannot be computed.
      for (const zoneId of ['changfeng', 'feixi', 'ningguo']) {
        expect(comparison.rows.find((r) => r.zone.id === zoneId)!.cells[0].note).toContain('is a rate over enterprise records, which are named only');
      }
      expect(comparison.provinceAggregates[0]).toMatchObject({ valueCount: 1, mean: 71, qualifier: 'EXACT', reportedCount: 1, computedCount: 0 });
    });

    it('brings named-only computed figures back on opt-in, each cell saying so, while rates over them stay unassessable', async () => {
      const byDefault = await sorted({
        provinces: ['anhui'],
        indicators: ['party_org.count', 'org_coverage.rate'],
        sort: { indicator: 'party_org.count', direction: 'DESC' },
      });
      expect(ranks(byDefault)).toEqual([
        ['chuzhou', 1],
        ['ningguo', 2],
        ['changfeng', null],
        ['dangtu', null],
        ['feixi', null],
        ['suixi', null],
      ]);
      expect(byDefault.rows[2].cells[0].note).toContain(
        'the computed figure (at least 7, over 7 named-only records) is not used: computedOverNamedOnly is off',
      );
      expect(byDefault.provinceAggregates[0]).toMatchObject({
        valueCount: 2,
        mean: 99,
        qualifier: 'EXACT',
        reportedCount: 2,
        computedCount: 0,
        namedOnlyCount: 0,
      });

      const optedIn = await sorted({
        provinces: ['anhui'],
        indicators: ['party_org.count', 'org_coverage.rate'],
        sort: { indicator: 'party_org.count', direction: 'DESC' },
        named: true,
      });
      expect(ranks(optedIn)).toEqual([
        ['chuzhou', 1],
        ['ningguo', 2],
        ['changfeng', 3],
        ['feixi', 4],
        ['dangtu', null],
        ['suixi', null],
      ]);
      const changfeng = optedIn.rows[2];
      expect(changfeng.cells[0]).toMatchObject({
        status: 'PRESENT',
        value: 7,
        qualifier: 'AT_LEAST',
        provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY', recordCount: 7 },
      });
      expect(changfeng.cells[0].note).toContain('computed over 7 named-only records');
      expect(changfeng.rankNote).toContain('ranked by its lower bound (at least 7)');
      expect(changfeng.cells[1]).toMatchObject({ status: 'MISSING', value: null });
      expect(changfeng.cells[1].note).toContain('not assessable');
      // The province mean mixes reported 115 and 83 with named-only 7 and 1: a lower bound, and it says how it is made up.
      expect(optedIn.provinceAggregates[0]).toMatchObject({
        indicator: 'party_org.count',
        valueCount: 4,
        mean: 51.5,
        qualifier: 'AT_LEAST',
        lowerBoundCount: 2,
        reportedCount: 2,
        computedCount: 2,
        namedOnlyCount: 2,
      });
    });

    it('sorts ascending or descending, ties sharing a competition rank (honors: 12, 6, 1, 1, 1 → 1, 2, 3, 3, 3), zones without a value last', async () => {
      const desc = await sorted({ indicators: ['honor.count'], sort: { indicator: 'honor.count' }, named: true });
      expect(desc.sortedBy).toEqual({ indicator: 'honor.count', direction: 'DESC' });
      const valued = desc.rows.filter((r) => r.rank !== null);
      expect(valued.map((r) => r.rank)).toEqual(valued.map((r) => 1 + valued.filter((o) => o.cells[0].value! > r.cells[0].value!).length));
      expect(valued.map((r) => r.rank)).toEqual([1, 2, 3, 3, 3]);
      expect(desc.rows.slice(valued.length).every((r) => r.rank === null && r.cells[0].status === 'MISSING')).toBe(true);
      const values = valued.map((r) => r.cells[0].value!);
      expect([...values].sort((a, b) => b - a)).toEqual(values);

      const asc = await sorted({ indicators: ['honor.count'], sort: { indicator: 'honor.count', direction: 'ASC' }, named: true });
      const ascValues = asc.rows.filter((r) => r.rank !== null).map((r) => r.cells[0].value!);
      expect(ascValues).toEqual([...values].reverse());
      expect(asc.rows.filter((r) => r.rank !== null)[0].rank).toBe(1);
    });

    it.each([
      ['an unknown code', { indicator: 'no.such' }, 'unknown indicator code "no.such"'],
      ['a code not compared', { indicator: 'party_member.count' }, '"party_member.count" is not among the compared indicators'],
    ])('refuses to sort by %s, naming sort.indicator', async (_label, sort, message) => {
      const body = await postGraphQL(stack.gatewayUrl, SORTED, { indicators: ['party_org.count'], sort });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sort.indicator' });
      expect(body.errors?.[0].message).toContain(`sort.indicator: ${message}`);
    });
  });

  it.each([
    ['an unknown indicator', { indicators: ['org_coverage.rate', 'no_such.indicator'] }, 'indicators[1]'],
    ['an indicator listed twice', { indicators: ['party_org.count', 'party_org.count'] }, 'indicators[1]'],
    ['no indicator', { indicators: [] }, 'indicators'],
    ['more than 50 indicators', { indicators: Array.from({ length: 51 }, () => 'party_org.count') }, 'indicators'],
    ['an unknown province', { provinces: ['atlantis'], indicators: ['party_org.count'] }, 'provinces'],
    ['a province listed twice', { provinces: ['anhui', 'anhui'], indicators: ['party_org.count'] }, 'provinces'],
    ['an unknown zone', { zoneIds: ['yongkang', 'nowhere'], indicators: ['party_org.count'] }, 'zoneIds'],
    ['more than 1000 zone ids', { zoneIds: Array.from({ length: 1001 }, (_, i) => `z${i}`), indicators: ['party_org.count'] }, 'zoneIds'],
    ['a period longer than 20 characters', { indicators: ['party_org.count'], period: '2022'.repeat(6) }, 'period'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
    const body = await compare(variables);
    expect(body.data?.compareZones ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0].message).toContain(field);
  });

  // Last: stops a zone service for the rest of the file.
  it('marks a stopped zone service ZONE_UNAVAILABLE and lists it in failedZones while the others answer', async () => {
    await stack.stopZoneService('jinjiang');
    const body = await compare({ indicators: ['party_org.count', 'derived.members_per_org'] });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareZones;
    expect(comparison.rows).toHaveLength(9);
    expect(comparison.failedZones).toEqual([{ zoneId: 'jinjiang', service: 'jinjiang', message: expect.stringContaining('jinjiang') }]);
    for (const cell of comparison.rows.find((r) => r.zone.id === 'jinjiang')!.cells) {
      expect(cell).toMatchObject({ status: 'ZONE_UNAVAILABLE', value: null, note: expect.stringContaining('jinjiang') });
    }
    expect(cellOf(comparison, 'yongkang', 'party_org.count')).toMatchObject({ status: 'PRESENT', value: 82 });
    expect(cellOf(comparison, 'chuzhou', 'party_org.count')).toMatchObject({ status: 'PRESENT', value: 115 });
    expect(aggregateOf(comparison, 'fujian', 'party_org.count')).toMatchObject({
      zoneCount: 1,
      valueCount: 0,
      missingCount: 0,
      unavailableCount: 1,
      mean: null,
    });
    expect(aggregateOf(comparison, 'zhejiang', 'party_org.count')).toMatchObject({ zoneCount: 2, valueCount: 2, unavailableCount: 0 });
  });
});
