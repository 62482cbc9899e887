import { z } from 'zod';
import type { KeysetPosition, PageOrder, SortKey, SortValue } from './pageOrders';

/** What a cursor belongs to: it is only valid for the same zone, order and filter. */
export interface CursorBinding {
  readonly zoneId: string;
  readonly order: string;
  /** `filterDigest` of the filter. */
  readonly filter: string;
}

export type DecodedCursor = { readonly ok: true; readonly position: KeysetPosition } | { readonly ok: false; readonly problem: string };

const MAX_CURSOR_LENGTH = 1000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

const cursorSchema = z.object({
  v: z.literal(1),
  z: z.string(),
  o: z.string(),
  f: z.string(),
  k: z.array(z.union([z.string(), z.number(), z.null()])).max(4),
  i: z
    .string()
    .min(1)
    .max(300)
    .refine((id) => !id.includes('\u0000')),
});

/** An opaque cursor: base64url of the position (key values and id) and what it belongs to. */
export function encodeCursor(binding: CursorBinding, position: KeysetPosition): string {
  const body: z.infer<typeof cursorSchema> = { v: 1, z: binding.zoneId, o: binding.order, f: binding.filter, k: [...position.keys], i: position.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const NOT_A_CURSOR = 'is not a cursor of this list: pass the `endCursor` of a page of the same field';

/** Reads a cursor back for one zone, order and filter; anything else is a problem to report on `after`. */
export function decodeCursor<R>(cursor: string, binding: CursorBinding, order: PageOrder<R>): DecodedCursor {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) return { ok: false, problem: NOT_A_CURSOR };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: NOT_A_CURSOR };
  }
  const read = cursorSchema.safeParse(parsed);
  if (!read.success) return { ok: false, problem: NOT_A_CURSOR };
  const body = read.data;
  if (body.z !== binding.zoneId) return { ok: false, problem: `is a cursor of zone "${body.z}", not of zone "${binding.zoneId}"` };
  if (body.o !== binding.order) return { ok: false, problem: `is a cursor of order ${body.o}, not of ${binding.order}` };
  if (body.f !== binding.filter) return { ok: false, problem: 'is a cursor of another filter: page with the filter it was given under' };
  if (body.k.length !== order.keys.length || !order.keys.every((key, i) => fitsKey(key, body.k[i]))) return { ok: false, problem: NOT_A_CURSOR };
  return { ok: true, position: { keys: body.k, id: body.i } };
}

function fitsKey<R>(key: SortKey<R>, value: SortValue | undefined): boolean {
  if (value === null) return key.nullable;
  if (key.sqlType === 'text') return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return key.sqlType === 'double precision' || (Number.isInteger(value) && value >= INT32.min && value <= INT32.max);
}
