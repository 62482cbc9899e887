import { GraphQLError } from 'graphql';
import { AnswerStatusError } from '../answerStatusError';
import { codesOfErrors, serviceCodesOf } from '../serviceCodes';

describe('codesOfErrors', () => {
  it('lists the distinct string codes in order, skipping errors without one', () => {
    const errors = [
      { message: 'a', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      { message: 'b' },
      null,
      { message: 'c', extensions: { code: 7 } },
      { message: 'd', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'e', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ];
    expect(codesOfErrors(errors)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR']);
    expect(codesOfErrors(undefined)).toEqual([]);
    expect(codesOfErrors({ code: 'X' })).toEqual([]);
  });
});

describe('serviceCodesOf', () => {
  const body = { errors: [{ message: 'unknown field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };

  it("reads a non-2xx answer's body, as our senders and Apollo's data source keep it", () => {
    expect(serviceCodesOf(new AnswerStatusError(400, 'Bad Request', JSON.stringify(body)))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(serviceCodesOf(new GraphQLError('400: Bad Request', { extensions: { response: { status: 400, body } } }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('finds none in a body that is not a GraphQL answer, nor in a failure without an answer', () => {
    expect(serviceCodesOf(new AnswerStatusError(502, 'Bad Gateway', '<html>upstream down</html>'))).toEqual([]);
    expect(serviceCodesOf(new AnswerStatusError(500, 'Internal Server Error', 'null'))).toEqual([]);
    expect(serviceCodesOf(new Error('fetch failed'))).toEqual([]);
    expect(serviceCodesOf('timeout')).toEqual([]);
  });
});
