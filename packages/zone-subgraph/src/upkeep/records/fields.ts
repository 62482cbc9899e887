import { z } from 'zod';
import { blankAsUnset } from '@devzone/subgraph-kit';

// Building blocks of the record schemas. Every record arrives as plain values
// from one of three places: a GraphQL input, a JSON import (typed values) or a
// CSV import (every cell a string). So each block accepts a value's natural type
// and its written form: a number or "12.5", a list or "a; b", an enum's name in
// any case or its Chinese label. A blank cell is an absent value.

/**
 * Control characters other than tab and line break (a spreadsheet cell may hold
 * those), and the bidirectional marks and overrides: a text holding them can
 * display as something else than it is (U+202E reverses what follows).
 */
const CONTROL_OR_BIDI = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const hasControlCharacters = (text: string) => [...text.matchAll(CONTROL_OR_BIDI)].some(([c]) => c !== '\n' && c !== '\t');
const NO_CONTROL = 'must not contain control or bidirectional-override characters';

const blankOrNull = (value: unknown): unknown => (value === null ? undefined : blankAsUnset(value));

/** A record with its blank and null fields removed: every schema below sees them as absent. */
export function withoutBlanks(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => blankOrNull(v) !== undefined));
}
const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** Required text, trimmed, 1 to `max` characters. */
export const requiredText = (max: number, min = 1) =>
  z.preprocess(
    (v) => blankOrNull(trimmed(v)),
    z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
      .min(min, `at least ${min} characters`)
      .max(max, `at most ${max} characters`)
      .refine((s) => !hasControlCharacters(s), NO_CONTROL),
  );

/** Optional text: absent, null or blank is null. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => blankOrNull(trimmed(v)),
    z
      .string({ error: () => 'must be text' })
      .max(max, `at most ${max} characters`)
      .refine((s) => !hasControlCharacters(s), NO_CONTROL)
      .optional()
      .transform((s) => s ?? null),
  );

const toNumber = (value: unknown): unknown => {
  const v = blankOrNull(trimmed(value));
  if (typeof v !== 'string') return v;
  // Spreadsheets write thousands separators; a comma is never a decimal mark here.
  const plain = v.replace(/[,，\s]/g, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain) ? Number(plain) : v;
};

const numberSchema = z.number({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a number') }).finite('must be a finite number');

/** A number (or its written form). */
export const requiredNumber = z.preprocess(toNumber, numberSchema);
export const optionalNonNegative = z.preprocess(toNumber, numberSchema.nonnegative('must not be negative').optional()).transform((n) => n ?? null);
export const optionalCount = z
  .preprocess(toNumber, numberSchema.int('must be a whole number').nonnegative('must not be negative').optional())
  .transform((n) => n ?? null);
export const optionalInteger = (min: number, max: number) =>
  z
    .preprocess(toNumber, numberSchema.int('must be a whole number').min(min, `at least ${min}`).max(max, `at most ${max}`).optional())
    .transform((n) => n ?? null);

/**
 * An enum stored lower case (`at_least`), accepted as its GraphQL name in any
 * case (`AT_LEAST`, `at_least`) or one of its Chinese labels.
 */
export function labelledEnum<V extends string>(labels: Readonly<Record<V, readonly string[]>>) {
  const values = Object.keys(labels) as V[];
  const lookup = new Map<string, V>();
  for (const value of values) {
    lookup.set(value, value);
    for (const label of labels[value]) lookup.set(label.toLowerCase(), value);
  }
  const described = values.map((v) => (labels[v].length > 0 ? `${v.toUpperCase()} (${labels[v].join('/')})` : v.toUpperCase())).join(', ');
  return z.preprocess(
    (v) => {
      const value = blankOrNull(trimmed(v));
      return typeof value === 'string' ? (lookup.get(value.toLowerCase()) ?? value) : value;
    },
    z.enum(values as [V, ...V[]], {
      error: (issue) => (issue.input === undefined ? `required: one of ${described}` : `must be one of ${described}, got ${JSON.stringify(issue.input)}`),
    }),
  );
}

/** Separators between items of a list written in one cell: semicolons (half or full width), 、 and line breaks. */
const LIST_SEPARATOR = /[;；、\n]/;

/** A list: an array, or items in one string separated by ; ； 、 or line breaks. Absent is empty. */
export function listOf<T extends z.ZodType>(item: T, maxItems: number) {
  return z.preprocess(
    (v) => {
      const value = blankOrNull(v);
      if (value === undefined) return [];
      if (typeof value === 'string')
        return value
          .split(LIST_SEPARATOR)
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
      return value;
    },
    z.array(item, { error: () => 'must be a list' }).max(maxItems, `at most ${maxItems} items`),
  );
}

export const QUALIFIER_LABELS = {
  exact: ['精确', '准确'],
  at_least: ['以上', '余', '多', '超'],
  about: ['约', '近'],
} as const;

/** YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
