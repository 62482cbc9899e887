import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, ColumnType, ViewColumn } from '../columns';
import { drained, eventUnlessGone, failsWhenGone, valuesOf, type TableWriter } from './table';

/** Rows added between two checks that the zip and the client keep up. */
const ROWS_PER_BATCH = 200;
/** At most about this many bytes of XML wait for the zip before more rows are made. */
const MAX_PENDING_ZIP_INPUT = 256 * 1024;

/** Column widths, in characters, by type; a column is at least as wide as its name. */
const WIDTH_BY_TYPE: Readonly<Record<ColumnType, number>> = { string: 24, integer: 10, number: 14, boolean: 8, date: 20 };
const NUMBER_FORMAT_BY_TYPE: Partial<Record<ColumnType, string>> = { integer: '0', date: 'yyyy-mm-dd hh:mm:ss' };

/** A cell as exceljs writes it: numbers typed as numbers, dates as dates, empty as no cell. */
function cellOf(value: CellValue, type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: a sheet named after the view with a
 * bold, frozen header row and an autofilter, typed cells, then a `columns` sheet that
 * describes every column. Rows are committed as they come and written out through the zip.
 */
export const writeXlsx: TableWriter = async (out, { view, columns, rows }) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'devzone-graph BI views';
  const sheet = workbook.addWorksheet(sheetName(view), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.name,
    key: column.name,
    width: Math.max(WIDTH_BY_TYPE[column.type], column.name.length + 2),
    ...(NUMBER_FORMAT_BY_TYPE[column.type] ? { style: { numFmt: NUMBER_FORMAT_BY_TYPE[column.type] } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(columns.length, 1) } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let added = 0;
  for (const row of rows) {
    const values = valuesOf(row, columns);
    sheet.addRow(values.map((value, i) => cellOf(value, columns[i].type))).commit();
    if (++added % ROWS_PER_BATCH === 0) await caughtUp(out, zipInputOf(sheet));
  }
  sheet.commit();
  addColumnsSheet(workbook, columns);
  // A client that goes away stops the zip, and the workbook's commit would wait for it forever.
  await Promise.race([workbook.commit(), failsWhenGone(out)]);
};

/** Lets the zip compress and the client take what was written before more rows are made. */
async function caughtUp(out: Writable, zipInput: ZipInput | undefined): Promise<void> {
  await nextTurn();
  if (zipInput && zipInput._writableState.length > MAX_PENDING_ZIP_INPUT) await eventUnlessGone(zipInput, 'drain', out);
  await drained(out);
}

/** A stream's buffered byte count, under the name every version of Node's streams (and readable-stream) keeps it. */
interface ZipInput extends EventEmitter {
  readonly _writableState: { readonly length: number };
}

/**
 * The zip's input for the sheet being written. exceljs's sheet stream (a StreamBuf) pushes
 * the rows' XML into it without looking at write()'s answer, so when compressing is slower
 * than making rows the XML piles up there, whatever the client does: the views wait on it
 * themselves. Undefined if exceljs ever stops looking like this (only `out` is waited on then).
 */
function zipInputOf(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const input: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const buffered = (input as { _writableState?: { length?: unknown } } | undefined)?._writableState?.length;
  return input instanceof EventEmitter && typeof buffered === 'number' ? (input as ZipInput) : undefined;
}

function addColumnsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, columns: readonly ViewColumn[]): void {
  const sheet = workbook.addWorksheet('columns', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'column', key: 'column', width: 32 },
    { header: 'type', key: 'type', width: 10 },
    { header: 'description', key: 'description', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const column of columns) sheet.addRow([column.name, column.type, column.description]).commit();
  sheet.commit();
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
function sheetName(view: string): string {
  return view.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}
