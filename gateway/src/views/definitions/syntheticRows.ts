import { rowStatus, STATUS_COLUMNS } from '../columns';
import { defineView, type Variables } from '../viewDefinition';
import { QUALIFIERS } from './shared';

const MAX_ROWS = 1_000_000;
const EPOCH = Date.UTC(2020, 0, 1);
const PASSAGE = '合成数据 synthetic row, generated for tests: never a figure of a real zone, always marked SYNTHETIC.';

/**
 * A generated table of any size, to show that views stream: rows are produced one at a
 * time while the answer is written. Served only when the router is told to (tests).
 */
export const syntheticRowsView = defineView<{ __typename: string }>({
  name: 'synthetic-rows',
  title: 'Synthetic rows (tests only)',
  description: 'Generated rows, one per `rows`, deterministic; served only when DEVZONE_VIEWS_SYNTHETIC=1 (or the router option) enables it.',
  parameters: {},
  localParameters: { definitions: `$rows: Int! = 1000`, descriptions: { rows: `How many rows to generate, 1 to ${MAX_ROWS}.` } },
  check: (variables) => {
    const rows = rowCount(variables);
    return rows >= 1 && rows <= MAX_ROWS ? undefined : { parameter: 'rows', message: `rows must be 1 to ${MAX_ROWS}, not ${rows}` };
  },
  testOnly: true,
  columns: [
    { name: 'row_number', type: 'integer', notNull: true, description: 'Row number, from 1' },
    { name: 'zone_id', type: 'string', notNull: true, description: 'A synthetic zone id' },
    { name: 'value', type: 'number', description: 'A synthetic value' },
    { name: 'precision', type: 'string', values: QUALIFIERS, description: 'A synthetic precision' },
    { name: 'flag', type: 'boolean', description: 'A synthetic flag' },
    { name: 'taken_at', type: 'date', description: 'A synthetic timestamp (ISO 8601, UTC)' },
    { name: 'kind', type: 'string', description: 'Always SYNTHETIC' },
    { name: 'passage', type: 'string', description: 'A synthetic passage' },
    ...STATUS_COLUMNS,
  ],
  *rows(_answer, variables) {
    const rows = rowCount(variables);
    for (let n = 1; n <= rows; n++) {
      yield {
        row_number: n,
        zone_id: `synthetic-${n % 400}`,
        value: ((n * 7919) % 100_000) / 8,
        precision: QUALIFIERS[n % QUALIFIERS.length],
        flag: n % 2 === 0,
        taken_at: new Date(EPOCH + n * 60_000).toISOString(),
        kind: 'SYNTHETIC',
        passage: `${PASSAGE} #${n}`,
        ...rowStatus(undefined),
      };
    }
  },
});

function rowCount(variables: Variables): number {
  return typeof variables.rows === 'number' ? variables.rows : 0;
}
