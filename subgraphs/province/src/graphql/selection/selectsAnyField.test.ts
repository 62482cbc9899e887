import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { selectsAnyField } from './selectsAnyField';

/** The first root field of `source` with its document's fragments, as graphql-js hands them to its resolver. */
function infoOf(source: string): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

const TEXT = new Set(['periodBasis', 'note', 'passage', 'computation']);

describe('selectsAnyField', () => {
  it('is false when only values are selected', () => {
    expect(selectsAnyField(infoOf('{ compareZones(indicators: ["a"]) { rows { zone { id } cells { code status value provenance { kind } } } } }'), TEXT)).toBe(
      false,
    );
  });

  it.each([
    ['directly', '{ compareZones { rows { cells { periodBasis } } } }'],
    ['deep in inputs', '{ compareZones { rows { cells { inputs { provenance { computation } } } } } }'],
    ['in an inline fragment', '{ compareZones { rows { cells { ... on FigureCell { note } } } } }'],
    ['in a named fragment, used twice', '{ compareZones { rows { cells { ...C ...C } } } } fragment C on FigureCell { provenance { passage } }'],
    ['in a fragment inside a fragment', '{ compareZones { ...R } } fragment R on ZoneComparison { rows { cells { ...C } } } fragment C on FigureCell { note }'],
    ['under @skip (not evaluated)', '{ compareZones { rows { cells { note @skip(if: true) } } } }'],
  ])('is true for a text field %s', (_how, source) => {
    expect(selectsAnyField(infoOf(source), TEXT)).toBe(true);
  });

  it('is false for the field itself and for a fragment that selects nothing named', () => {
    expect(selectsAnyField(infoOf('{ note }'), TEXT)).toBe(false);
    expect(selectsAnyField(infoOf('{ compareZones { ...R } } fragment R on ZoneComparison { rows { zone { id } } }'), TEXT)).toBe(false);
  });
});
