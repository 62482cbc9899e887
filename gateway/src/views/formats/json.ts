import { valuesOf, writeTextRows, type TableWriter } from './table';

/**
 * JSON: `{ "view", "columns": [{ name, type, description }], "rows": [{ <column>: value }] }`,
 * one row per line, every column in every row (null when empty), in column order.
 */
export const writeJson: TableWriter = (out, { view, columns, rows }) => {
  const head = `{"view":${JSON.stringify(view)},"columns":${JSON.stringify(columns.map(({ name, type, description }) => ({ name, type, description })))},"rows":[`;
  function* lines(): Iterable<string> {
    let separator = '\n';
    for (const row of rows) {
      const values = valuesOf(row, columns);
      yield separator + JSON.stringify(Object.fromEntries(columns.map((column, i) => [column.name, values[i]])));
      separator = ',\n';
    }
  }
  return writeTextRows(out, head, lines(), '\n]}\n');
};
