import type { Request, RequestHandler } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { LRUCache } from 'lru-cache';
import { limitExceeded } from '../plugins/limitExceeded';
import { sendRegistryError } from './graphqlErrorResponse';

export interface OperationPrecheckOptions {
  /**
   * Most lexical tokens (names, punctuation, values) a document may have.
   * @default 2000
   */
  readonly maxTokens?: number;
  /**
   * Longest `operationName`, in characters.
   * @default 100
   */
  readonly maxOperationNameLength?: number;
  /**
   * Characters of query text whose token count is remembered (clients repeat the same
   * documents; lexing one was ~5 % of a prepared read's CPU).
   * @default 4 MiB of text
   */
  readonly countedTextChars?: number;
}

/**
 * Checks the request's document before anything parses it: too many tokens or an
 * over-long `operationName` is LIMIT_EXCEEDED (400) in time linear in the body.
 * (Apollo answers an error thrown by a plugin at this stage as a bare 500, so this
 * runs in express, between authentication and the GraphQL server.)
 */
export function operationPrecheck({
  maxTokens = 2000,
  maxOperationNameLength = 100,
  countedTextChars = 4 * 1024 * 1024,
}: OperationPrecheckOptions = {}): RequestHandler {
  const counted = new LRUCache<string, number>({ maxSize: countedTextChars, sizeCalculation: (_count, query) => Math.max(query.length, 1) });
  const tokensOf = (query: string): number => {
    let tokens = counted.get(query);
    if (tokens === undefined) {
      tokens = countTokens(query);
      if (query.length <= countedTextChars) counted.set(query, tokens);
    }
    return tokens;
  };
  return (req, res, next) => {
    const { query, operationName } = graphQLParams(req);
    if (operationName !== undefined && operationName.length > maxOperationNameLength) {
      sendRegistryError(res, limitExceeded('operationName', maxOperationNameLength, operationName.length));
      return;
    }
    const tokens = query === undefined ? 0 : tokensOf(query);
    if (tokens > maxTokens) {
      sendRegistryError(res, limitExceeded('tokens', maxTokens, tokens));
      return;
    }
    next();
  };
}

/** `query` and `operationName` of a POST body or a GET query string, when they are strings. */
function graphQLParams(req: Request): { query?: string; operationName?: string } {
  const source: unknown = req.method === 'GET' ? req.query : req.body;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return {};
  const { query, operationName } = source as { query?: unknown; operationName?: unknown };
  return {
    ...(typeof query === 'string' ? { query } : {}),
    ...(typeof operationName === 'string' ? { operationName } : {}),
  };
}

/** Tokens up to the end or the first lexical error (the parser reports that one). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}
