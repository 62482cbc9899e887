import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RunningStack } from '@devzone/stack';
import { startTestStack } from '@devzone/testkit';
import ExcelJS from 'exceljs';

/**
 * Views stream: a 100,000-row table is written while its rows are produced, never
 * held whole. The gateway runs in this process, so its heap is this heap: sampled
 * (after a full collection, so that only live objects count) while the table downloads.
 */
const ROWS = 100_000;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let stack: RunningStack;
let dir: string;

beforeAll(async () => {
  process.env.DEVZONE_VIEWS_SYNTHETIC = '1';
  stack = await startTestStack();
  dir = mkdtempSync(join(tmpdir(), 'views-streaming-'));
});

afterAll(async () => {
  delete process.env.DEVZONE_VIEWS_SYNTHETIC;
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Live memory after a full collection: the JavaScript heap, and the buffers outside it (what a zip or a socket holds). */
const liveMemory = () => {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapUsed, withBuffers: heapUsed + arrayBuffers };
};

interface Download {
  bytes: number;
  /** The largest growth of heapUsed seen during the download, over its value before it. */
  heapGrowth: number;
  /** The same for heapUsed + arrayBuffers. */
  bufferGrowth: number;
  lineEnds: number;
}

/** Downloads a view chunk by chunk (keeping only counts, or writing to `file`), sampling the live heap every `sampleEvery` bytes. */
async function download(path: string, sampleEvery: number, file?: string): Promise<Download> {
  const before = liveMemory();
  const response = await fetch(new URL(path, stack.gatewayUrl), { headers: { authorization: stack.credential } });
  expect(response.status).toBe(200);
  const out = file ? createWriteStream(file) : undefined;
  const reader = response.body!.getReader();
  let bytes = 0;
  let lineEnds = 0;
  let nextSample = sampleEvery;
  let heapGrowth = 0;
  let bufferGrowth = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 0x0a) lineEnds++;
    if (out && !out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    if (bytes >= nextSample) {
      const now = liveMemory();
      heapGrowth = Math.max(heapGrowth, now.heapUsed - before.heapUsed);
      bufferGrowth = Math.max(bufferGrowth, now.withBuffers - before.withBuffers);
      nextSample += sampleEvery;
    }
  }
  if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { bytes, heapGrowth, bufferGrowth, lineEnds };
}

let csvBytes = 0;

it('streams a 100,000-row CSV with the heap growing by a small part of the table', async () => {
  const csv = await download(`/views/synthetic-rows.csv?rows=${ROWS}`, 1024 * 1024);
  csvBytes = csv.bytes;
  expect(csv.lineEnds).toBe(ROWS + 1);
  // The table is ~19 MB of text; held whole, its rows take more than twice that in the heap (50 MB when tried).
  expect(csv.bytes).toBeGreaterThan(ROWS * 100);
  expect(csv.heapGrowth).toBeLessThan(csv.bytes / 4);
  expect(csv.bufferGrowth).toBeLessThan(csv.bytes / 4);
}, 180_000);

it('streams the same table as XLSX with the heap growing by a small part of the table, and the workbook opens with every row', async () => {
  const file = join(dir, 'synthetic-rows.xlsx');
  const xlsx = await download(`/views/synthetic-rows.xlsx?rows=${ROWS}`, 256 * 1024, file);
  expect(csvBytes).toBeGreaterThan(0);
  expect(xlsx.heapGrowth).toBeLessThan(csvBytes / 4);
  // exceljs hands its zip the XML without backpressure: this is what the views' own waiting keeps small
  // (without it: +28 MB; held whole: 50 MB). Half the table's size leaves room for a busy machine's zip lagging behind.
  expect(xlsx.bufferGrowth).toBeLessThan(csvBytes / 2);

  let rows = 0;
  let last: ExcelJS.Row | undefined;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
    for await (const row of sheet) {
      rows++;
      last = row;
    }
    break;
  }
  expect(rows).toBe(ROWS + 1);
  expect(last?.getCell(1).value).toBe(ROWS);
}, 300_000);

it.each(['csv', 'xlsx'])('stops a %s table whose client goes away, and keeps serving', async (format) => {
  const abort = new AbortController();
  const response = await fetch(new URL(`/views/synthetic-rows.${format}?rows=${ROWS}`, stack.gatewayUrl), {
    headers: { authorization: stack.credential },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let bytes = 0;
  while (bytes < 64 * 1024) bytes += (await reader.read()).value?.length ?? 0;
  abort.abort();
  await expect(reader.read()).rejects.toThrow();
  const after = await fetch(new URL(`/views/synthetic-rows.csv?rows=3`, stack.gatewayUrl), { headers: { authorization: stack.credential } });
  expect([after.status, (await after.text()).split('\r\n').length]).toEqual([200, 5]);
});
