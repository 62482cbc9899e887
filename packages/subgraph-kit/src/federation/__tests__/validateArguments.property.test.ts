import { IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { validateArgumentNamed } from '../validateArguments';

class Inner {
  @IsOptional() @IsInt() @Min(0) @Max(10) n?: number;
  @IsOptional() @MaxLength(5) s?: string;
}

class Outer {
  @IsOptional() @IsInt() @Min(1) @Max(500) first?: number;
  @IsOptional() @ValidateNested() inner?: Inner;
  @IsOptional() @ValidateNested({ each: true }) items?: Inner[];
}

/** Plain values, valid or not; each key present or left out. */
const innerValues = fc.record(
  { n: fc.oneof(fc.integer({ min: -5, max: 15 }), fc.double({ min: 0, max: 10, noNaN: true })), s: fc.string({ maxLength: 8 }) },
  { requiredKeys: [] },
);
const outerValues = fc.record(
  { first: fc.integer({ min: -10, max: 600 }), inner: innerValues, items: fc.array(innerValues, { maxLength: 4 }) },
  { requiredKeys: [] },
);

type InnerValues = { n?: number; s?: string };
type OuterValues = { first?: number; inner?: InnerValues; items?: InnerValues[] };

function instantiate(values: OuterValues): Outer {
  const toInner = (inner: InnerValues) => Object.assign(new Inner(), inner);
  return Object.assign(new Outer(), {
    ...(values.first !== undefined ? { first: values.first } : {}),
    ...(values.inner ? { inner: toInner(values.inner) } : {}),
    ...(values.items ? { items: values.items.map(toInner) } : {}),
  });
}

/** The rules above, written out independently. */
const innerValid = ({ n, s }: InnerValues) => (n === undefined || (Number.isInteger(n) && n >= 0 && n <= 10)) && (s === undefined || s.length <= 5);
const outerValid = (values: OuterValues) =>
  (values.first === undefined || (values.first >= 1 && values.first <= 500)) &&
  (!values.inner || innerValid(values.inner)) &&
  (values.items ?? []).every(innerValid);

/** `input.items[2].n` → the value at that path, or `missing` when the path does not exist. */
function valueAt(root: unknown, field: string): unknown {
  let current: unknown = root;
  for (const key of field.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return 'missing';
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

describe('validateArguments (property)', () => {
  it('passes exactly the valid inputs, and otherwise names with BAD_USER_INPUT a field that exists in the input', async () => {
    const validate = validateArgumentNamed('input');
    await fc.assert(
      fc.asyncProperty(outerValues, async (values) => {
        const input = instantiate(values);
        const outcome = await validate(input).then(
          () => null,
          (error: unknown) => error,
        );
        if (outerValid(values)) {
          expect(outcome).toBeNull();
          return;
        }
        expect(outcome).toBeInstanceOf(GraphQLError);
        const error = outcome as GraphQLError;
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        const field = error.extensions.field as string;
        expect(field).toMatch(/^input\./);
        expect(valueAt({ input }, field)).not.toBe('missing');
        expect(error.message.startsWith(`${field}: `)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
