import type { z } from 'zod';

/** Raised when outside input (env, config file, seed file, payload) fails its schema. */
export class ValidationError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly { field: string; message: string }[],
  ) {
    super(`${source} is invalid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

/** Formats a zod path the way a user writes it: `zones[2].enterprises[0].name`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((acc, key) => {
      if (typeof key === 'number') return `${acc}[${key}]`;
      return acc ? `${acc}.${String(key)}` : String(key);
    }, '') || '(root)'
  );
}

/** Parses `input` with `schema`, throwing a ValidationError that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, source: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    source,
    result.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message })),
  );
}
