import fc from 'fast-check';
import { readAnswer } from '../gateway/src/views/answerErrors';
import { competitionRanks } from '../gateway/src/views/competitionRanks';
import { csvLine } from '../gateway/src/views/formats/csv';
import { readVariables } from '../gateway/src/views/parameters';
import { loadApiSchema, serveViews, VIEWS, type ServedView } from '../gateway/src/views';
import { zonePageRows, type ZonePage } from '../gateway/src/views/definitions/zonePageRows';

/** The pure parts of the views: CSV quoting, parameter coercion, ranks, what an answer's errors mean. */
const served = serveViews(VIEWS, loadApiSchema());
const viewNamed = (name: string): ServedView => served.find((s) => s.view.name === name)!;

/** An RFC 4180 reader for one record ending in CRLF: the fields it holds. */
function readCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      while (!(text[i] === '"' && text[i + 1] !== '"')) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else while (text[i] !== ',' && !(text[i] === '\r' && text[i + 1] === '\n')) field += text[i++];
    fields.push(field);
    if (text[i] === ',') i++;
    else if (text.slice(i) === '\r\n') return fields;
    else throw new Error(`unexpected ${JSON.stringify(text.slice(i))} at ${i}`);
  }
}

describe('CSV (RFC 4180)', () => {
  it('reads back every field, whatever it holds (commas, quotes, line breaks, Chinese); text Excel would run as a formula gets an apostrophe', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '永', ',', '"', '\r', '\n', '\t', ' ', '；', '=', '+', '-', '@') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (values) => {
        expect(readCsvRecord(csvLine(values))).toEqual(values.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
      }),
    );
  });

  it('quotes only what needs it, writes numbers and booleans plainly and null as an empty field', () => {
    expect(csvLine(['chuzhou', 'a, b', 'say "hi"', 'two\nlines', 71, -0.5, true, null])).toBe('chuzhou,"a, b","say ""hi""","two\nlines",71,-0.5,true,\r\n');
    expect(csvLine(['=HYPERLINK("http://x")', '@SUM(A1)', 'a=b'])).toBe(`"'=HYPERLINK(""http://x"")","'@SUM(A1)",a=b\r\n`);
  });
});

describe('parameters are coerced by their GraphQL type', () => {
  const read = (view: string, query: string) => readVariables(new URLSearchParams(query), viewNamed(view).parameters);

  it('reads lists comma-separated or repeated, and applies defaults', () => {
    expect(read('comparison', 'indicators=party_org.count,org_coverage.rate&provinces=anhui&provinces=zhejiang')).toEqual({
      variables: {
        indicators: ['party_org.count', 'org_coverage.rate'],
        provinces: ['anhui', 'zhejiang'],
        source: 'PREFER_REPORTED',
        computedOverNamedOnly: false,
      },
    });
    expect(read('enterprises', 'first=20&orderBy=TAX_DESC&flags=HIGH_TECH,LISTED')).toEqual({
      variables: { first: 20, offset: 0, orderBy: 'TAX_DESC', flags: ['HIGH_TECH', 'LISTED'] },
    });
    expect(read('comparison', 'indicators=party_org.count&computedOverNamedOnly=true&source=REPORTED')).toEqual({
      variables: { indicators: ['party_org.count'], computedOverNamedOnly: true, source: 'REPORTED' },
    });
  });

  it('takes an empty value as not given', () => {
    expect(read('zones', 'province=&ids=')).toEqual({ variables: {} });
  });

  it.each([
    ['enterprises', 'first=ten', 'first', 'first: "ten" is not an integer'],
    ['enterprises', 'first=1.5', 'first', 'first: "1.5" is not an integer'],
    ['enterprises', 'first=99999999999', 'first', 'first: Int cannot represent non 32-bit signed integer value: 99999999999'],
    ['enterprises', 'orderBy=CHEAPEST', 'orderBy', 'orderBy: Value "CHEAPEST" does not exist in "EnterpriseOrder" enum.'],
    ['enterprises', 'flags=HIGH_TECH,SHINY', 'flags', 'flags: Value "SHINY" does not exist in "EnterpriseFlag" enum.'],
    ['comparison', 'indicators=a&computedOverNamedOnly=yes', 'computedOverNamedOnly', 'computedOverNamedOnly: "yes" is not true or false'],
    ['comparison', 'provinces=anhui', 'indicators', 'indicators is required ([String!]!)'],
    ['zones', 'province=anhui&province=zhejiang', 'province', 'province is given 2 times; it takes one value'],
    ['zones', 'province=anhui&zone=yongkang', 'zone', 'unknown parameter zone: this view takes province, ids'],
    ['selection-run', '', 'id', 'id is required (ID!)'],
  ])('%s?%s is refused, naming %s', (view, query, parameter, message) => {
    expect(read(view, query)).toEqual({ problem: { parameter, message } });
  });
});

describe('competition ranks (the rule of compareZones(sort:))', () => {
  it('ranks 1 + the number of strictly better values, ties sharing a rank, missing values unranked', () => {
    const values = fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 12 });
    fc.assert(
      fc.property(values, fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC'), (list, direction) => {
        const ranks = competitionRanks(list, direction);
        list.forEach((value, i) => {
          if (value === null) expect(ranks[i]).toBeNull();
          else expect(ranks[i]).toBe(1 + list.filter((other) => other !== null && (direction === 'DESC' ? other > value : other < value)).length);
        });
      }),
    );
    expect(competitionRanks([12, 6, 1, 1, 1, null], 'DESC')).toEqual([1, 2, 3, 3, 3, null]);
    expect(competitionRanks([12, 6, 1, 1, null], 'ASC')).toEqual([4, 3, 1, 1, null]);
  });
});

describe("what a GraphQL answer's errors mean for a view", () => {
  const names = viewNamed('zones').parameters.map((p) => p.name);
  const zones = viewNamed('zones').view;
  const data = { zones: [{ id: 'a' }, { id: 'b' }] };

  it('a zone error stays with the answer, to mark the zone', () => {
    const errors = [{ message: 'Zone "b" is unavailable', path: ['zones', 1], extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'b' } }];
    expect(readAnswer(zones, names, data, errors)).toEqual({ answer: { data, errors } });
  });

  it('an invalid argument is the parameter it names', () => {
    const errors = [{ message: 'unknown province "x"', path: ['zones'], extensions: { code: 'BAD_USER_INPUT', field: 'province' } }];
    expect(readAnswer(zones, names, null, errors)).toEqual({
      error: { status: 400, code: 'BAD_USER_INPUT', parameter: 'province', message: 'unknown province "x"' },
    });
  });

  it.each([
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['ZONE_UNAVAILABLE', 503],
    ['SOMETHING_ELSE', 502],
  ])('a root error %s refuses the whole view with %i', (code, status) => {
    expect(readAnswer(zones, names, null, [{ message: 'no', path: ['zones'], extensions: { code } }])).toEqual({ error: { status, code, message: 'no' } });
  });

  it('an error no zone row can carry refuses the whole view, even with data', () => {
    const errors = [{ message: 'documents failed', path: ['sourceDocuments'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
    expect(readAnswer(zones, names, data, errors)).toEqual({ error: { status: 502, code: 'INTERNAL_SERVER_ERROR', message: 'documents failed' } });
  });
});

describe('the rows of a view that pages each zone', () => {
  type Zone = { id: string; nameZh: string; province: { code: string }; items: ZonePage<{ n: number }> | null };
  const zone = (id: string, items: ZonePage<{ n: number }> | null): Zone => ({ id, nameZh: `${id} 区`, province: { code: 'anhui' }, items });
  const page = (ns: number[], endCursor: string | null, hasNextPage: boolean): ZonePage<{ n: number }> => ({
    totalCount: 7,
    pageInfo: { endCursor, hasNextPage },
    items: ns.map((n) => ({ n })),
  });
  const rowsOf = (zones: Zone[], errors: { message: string; path: (string | number)[]; extensions: { code: string } }[] = []) => [
    ...zonePageRows({ data: { zones }, errors }, { pageOf: (z) => z.items, records: 'things', empty: { n: null }, cellsOf: (item) => ({ n: item.n }) }),
  ];
  const where = (id: string) => ({ zone_id: id, zone_name: `${id} 区`, province: 'anhui' });

  it("gives a row per record after its zone's columns, count and next cursor (none on a zone's last page)", () => {
    expect(rowsOf([zone('a', page([1, 2], 'c2', true)), zone('b', page([3], 'c3', false)), zone('c', page([], null, false))])).toEqual([
      { ...where('a'), zone_match_count: 7, zone_next_after: 'c2', n: 1, status: 'ok', message: null },
      { ...where('a'), zone_match_count: 7, zone_next_after: 'c2', n: 2, status: 'ok', message: null },
      { ...where('b'), zone_match_count: 7, zone_next_after: null, n: 3, status: 'ok', message: null },
    ]);
  });

  it("gives a zone without a page one empty row, marked with its error's message, or with what is missing", () => {
    const errors = [{ message: 'Zone "b" is unavailable', path: ['zones', 1, 'items'], extensions: { code: 'ZONE_UNAVAILABLE' } }];
    expect(rowsOf([zone('a', null), zone('b', null)], errors)).toEqual([
      { ...where('a'), n: null, status: 'unavailable', message: 'the zone service gave no things' },
      { ...where('b'), n: null, status: 'unavailable', message: 'Zone "b" is unavailable' },
    ]);
  });

  it("marks every record of a zone whose answer came with an error with that error's message", () => {
    const errors = [{ message: 'part of "a" failed', path: ['zones', 0, 'items', 'items', 1], extensions: { code: 'ZONE_UNAVAILABLE' } }];
    expect(rowsOf([zone('a', page([1, 2], null, false)), zone('b', page([3], null, false))], errors).map((row) => [row.n, row.status, row.message])).toEqual([
      [1, 'unavailable', 'part of "a" failed'],
      [2, 'unavailable', 'part of "a" failed'],
      [3, 'ok', null],
    ]);
  });
});
