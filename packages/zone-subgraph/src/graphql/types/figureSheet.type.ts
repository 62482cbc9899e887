import { ERRORS } from '@devzone/errors';
import { FIGURE_SHEET_SCALAR } from '@devzone/subgraph-kit';
import { GraphQLScalarType, parse, type ScalarTypeDefinitionNode } from 'graphql';

function refuseAsInput(): never {
  throw ERRORS.BAD_USER_INPUT.err(`${FIGURE_SHEET_SCALAR} is answered, never asked with`);
}

/**
 * `Zone.figureSheet`'s answer: the JSON object of a FigureSheet (see @devzone/subgraph-kit), as
 * the resolver built it. Inaccessible like its field: the province reads it, clients never see it.
 */
export const FigureSheetScalar = new GraphQLScalarType({
  name: FIGURE_SHEET_SCALAR,
  description: "A zone's figures for the province's reads, as one JSON object: { indicators, unassessedIndicators }.",
  serialize: (value) => value,
  parseValue: refuseAsInput,
  parseLiteral: refuseAsInput,
  // The directive the supergraph's API schema leaves the scalar out by (type-graphql keeps a scalar's AST node as given).
  astNode: parse(`scalar ${FIGURE_SHEET_SCALAR} @federation__inaccessible`).definitions[0] as ScalarTypeDefinitionNode,
});
