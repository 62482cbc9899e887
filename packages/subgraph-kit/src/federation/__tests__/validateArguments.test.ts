import { MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { GraphQLError, parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { validateArguments } from '../validateArguments';

let checks = 0;

/** Counts how often class-validator ran the rules of an argument. */
@ValidatorConstraint({ name: 'counted' })
class Counted implements ValidatorConstraintInterface {
  validate(): boolean {
    checks += 1;
    return true;
  }
}

class IndicatorArgs {
  @Validate(Counted) @MaxLength(4) period?: string;
}

const args = (period: string) => Object.assign(new IndicatorArgs(), { period });

/** The field `indicators` of one parsed document, as graphql-js hands it to every item's resolver. */
function fieldOf(source: string): FieldNode {
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections[0] as FieldNode;
}

const resolverData = (fieldNode: FieldNode, variableValues: Record<string, unknown>) => ({
  info: { fieldNodes: [fieldNode], variableValues } as unknown as GraphQLResolveInfo,
});

describe('validateArguments', () => {
  beforeEach(() => {
    checks = 0;
  });

  it("checks a field's arguments once per request when every item of a list gets the same", async () => {
    const field = fieldOf('query ($p: String) { indicators(period: $p) { code } }');
    const variables = { p: '2023' };
    for (let item = 0; item < 100; item += 1) await validateArguments(args('2023'), IndicatorArgs, resolverData(field, variables));
    expect(checks).toBe(1);
  });

  it('shares one check among the items of a list resolved together, as graphql-js resolves them', async () => {
    const field = fieldOf('query ($p: String) { indicators(period: $p) { code } }');
    const variables = { p: '2023' };
    await Promise.all(Array.from({ length: 100 }, () => validateArguments(args('2023'), IndicatorArgs, resolverData(field, variables))));
    expect(checks).toBe(1);
  });

  it('checks literal arguments once per parsed document, whatever the request', async () => {
    const field = fieldOf('query ($unused: String) { indicators(period: "2023") { code } }');
    for (let request = 0; request < 5; request += 1) {
      const variables = { unused: String(request) };
      for (let item = 0; item < 10; item += 1) await validateArguments(args('2023'), IndicatorArgs, resolverData(field, variables));
    }
    expect(checks).toBe(1);
    await validateArguments(args('2023'), IndicatorArgs, resolverData(fieldOf('{ indicators(period: "2023") { code } }'), {}));
    expect(checks).toBe(2);
  });

  it('counts a variable nested in a list or input object as a variable', async () => {
    const field = fieldOf('query ($p: String) { indicators(filter: { periods: ["2022", $p] }) { code } }');
    await validateArguments(args('2023'), IndicatorArgs, resolverData(field, { p: '2023' }));
    await validateArguments(args('2023'), IndicatorArgs, resolverData(field, { p: '2023' }));
    expect(checks).toBe(2);
  });

  it('checks again for another request (new variables), another field, other values or no resolver data', async () => {
    const field = fieldOf('query ($p: String) { indicators(period: $p) { code } }');
    await validateArguments(args('2023'), IndicatorArgs, resolverData(field, { p: '2023' }));
    await validateArguments(args('2023'), IndicatorArgs, resolverData(field, { p: '2023' }));
    await validateArguments(args('2023'), IndicatorArgs, resolverData(fieldOf('{ indicators(period: "2023") { code } }'), {}));
    const variables = { p: '2024' };
    await validateArguments(args('2023'), IndicatorArgs, resolverData(field, variables));
    await validateArguments(args('2024'), IndicatorArgs, resolverData(field, variables));
    await validateArguments(args('2023'), IndicatorArgs);
    await validateArguments(args('2023'), IndicatorArgs);
    expect(checks).toBe(7);
  });

  it.each([
    ['a variable', 'query ($p: String) { indicators(period: $p) { code } }'],
    ['a literal', '{ indicators(period: "2023-01-01") { code } }'],
  ])('refuses invalid arguments given as %s for every item, each with an error of its own, and checks them again later', async (_kind, source) => {
    const field = fieldOf(source);
    const data = resolverData(field, { p: '2023-01-01' });
    const refusals = () =>
      Promise.all(
        [1, 2, 3].map(() =>
          validateArguments(args('2023-01-01'), IndicatorArgs, data).then(
            () => null,
            (error: unknown) => error,
          ),
        ),
      );
    const errors = await refusals();
    expect(checks).toBe(1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
    expect(new Set(errors).size).toBe(3);
    // A failed check is not kept: the next items are checked afresh.
    expect((await refusals()).every((error) => error instanceof GraphQLError)).toBe(true);
    expect(checks).toBe(2);
  });
});
