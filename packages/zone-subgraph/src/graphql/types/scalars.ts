import { ERRORS } from '@devzone/errors';
import { GraphQLScalarType, Kind } from 'graphql';

/** The longest import: about the gateway's 1 MB body limit, whatever the characters. */
export const MAX_IMPORT_CHARACTERS = 1_000_000;

function checkContent(value: unknown): string {
  if (typeof value !== 'string') throw ERRORS.BAD_USER_INPUT.err('content: must be the text of the file', { field: 'content' });
  if (value.length > MAX_IMPORT_CHARACTERS)
    throw ERRORS.BAD_USER_INPUT.err(`content: at most ${MAX_IMPORT_CHARACTERS} characters (got ${value.length}): split the file`, { field: 'content' });
  if (value.includes('\u0000')) throw ERRORS.BAD_USER_INPUT.err('content: must not contain the NUL character (U+0000)', { field: 'content' });
  return value;
}

/**
 * The text of an import file. A scalar of its own rather than String: the subgraph
 * kit bounds every String argument at 2000 characters, far below a register's size.
 */
export const ImportContentScalar = new GraphQLScalarType({
  name: 'ImportContent',
  description: `The text of a CSV or JSON file (UTF-8, at most ${MAX_IMPORT_CHARACTERS} characters, no NUL). Sent as a JSON string, best as a variable.`,
  serialize: checkContent,
  parseValue: checkContent,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw ERRORS.BAD_USER_INPUT.err('content: must be a string', { field: 'content' });
    return checkContent(ast.value);
  },
});
