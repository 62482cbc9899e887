import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellValue, Row, ViewColumn } from '../columns';

/** What a format writes: a view's columns and its rows, produced one at a time. */
export interface Table {
  readonly view: string;
  readonly columns: readonly ViewColumn[];
  readonly rows: Iterable<Row>;
}

/** Writes a table to an HTTP response (headers already set), streaming, and ends it. */
export type TableWriter = (out: Writable, table: Table) => Promise<void>;

/** The row's values in column order; a column the row does not have is empty. */
export function valuesOf(row: Row, columns: readonly ViewColumn[]): CellValue[] {
  return columns.map((column) => row[column.name] ?? null);
}

/** The client went away while the table was being written: stop producing rows. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the table was written');
    this.name = 'ClientGoneError';
  }
}

/** Resolves once `out` takes more data (at once when it does not need draining); rejects when it closes first. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ClientGoneError());
  return out.writableNeedDrain ? eventUnlessGone(out, 'drain', out) : Promise.resolve();
}

/** Resolves on `source`'s next `event`; rejects if `out` closes first. Leaves no listener behind either way. */
export function eventUnlessGone(source: EventEmitter, event: string, out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEvent = () => {
      out.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      source.off(event, onEvent);
      reject(new ClientGoneError());
    };
    source.once(event, onEvent);
    out.once('close', onClose);
  });
}

/** Text is gathered into chunks of about this many characters before being written. */
export const CHUNK_CHARACTERS = 64 * 1024;

/** Writes text rows in chunks, waiting whenever the client is slower than the rows. */
export async function writeTextRows(out: Writable, head: string, lines: Iterable<string>, tail: string): Promise<void> {
  let chunk = head;
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARACTERS) {
      out.write(chunk);
      chunk = '';
      await drained(out);
    }
  }
  await endWith(out, chunk + tail);
}

/** Ends `out` with its last data; resolves once all of it is handed over, rejects when the client went away first. */
export function endWith(out: Writable, last: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('finish', () => resolve());
    out.once('close', () => (out.writableFinished ? resolve() : reject(new ClientGoneError())));
    out.end(last);
  });
}

/** Rejects when `out` closes before it has finished; never resolves otherwise. */
export function failsWhenGone(out: Writable): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (out.destroyed && !out.writableFinished) reject(new ClientGoneError());
    out.once('close', () => {
      if (!out.writableFinished) reject(new ClientGoneError());
    });
  });
}
