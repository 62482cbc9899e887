import type { Request } from 'express';
import { writeCsv } from './csv';
import { writeJson } from './json';
import type { TableWriter } from './table';
import { writeXlsx } from './xlsx';

export interface Format {
  /** The URL extension: `/views/zones.csv`. */
  readonly extension: 'json' | 'csv' | 'xlsx';
  readonly mediaType: string;
  /** The full Content-Type answered. */
  readonly contentType: string;
  /** Answered as a download (`Content-Disposition: attachment`). */
  readonly attachment: boolean;
  readonly write: TableWriter;
}

/** The formats, JSON first: what `Accept: *\/*` (or no Accept) gets without an extension. */
export const FORMATS: readonly Format[] = [
  { extension: 'json', mediaType: 'application/json', contentType: 'application/json; charset=utf-8', attachment: false, write: writeJson },
  { extension: 'csv', mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8; header=present', attachment: true, write: writeCsv },
  {
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    attachment: true,
    write: writeXlsx,
  },
];

/** The format a request asks for: its extension when it has one, else its `Accept` header; undefined when none fits. */
export function formatOf(extension: string | undefined, req: Request): Format | undefined {
  if (extension !== undefined) return FORMATS.find((format) => format.extension === extension);
  const accepted = req.accepts(FORMATS.map((format) => format.mediaType));
  return FORMATS.find((format) => format.mediaType === accepted);
}
