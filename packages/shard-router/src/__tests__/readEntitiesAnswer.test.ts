import { CHECKED_ID } from '../entityIdCheck';
import { readEntitiesAnswer } from '../readEntitiesAnswer';

const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Enterprise', id }));

describe('readEntitiesAnswer', () => {
  it('accepts exactly one entity per representation, each with the id asked, with the errors that came along', () => {
    const answer = { data: { _entities: [{ a: 1, [CHECKED_ID]: 'chuzhou:a' }, null] }, errors: [{ message: 'x' }] };
    expect(readEntitiesAnswer(answer, reps('chuzhou:a', 'chuzhou:b'))).toEqual({
      status: 'answered',
      entities: [{ a: 1 }, null],
      errors: [{ message: 'x' }],
    });
  });

  it('refuses a wrong count, a missing array and an error-only answer', () => {
    expect(readEntitiesAnswer({ data: { _entities: [{}] } }, reps('a:1', 'a:2'))).toEqual({
      status: 'failed',
      reason: 'answered 1 entities for 2 representations',
    });
    expect(readEntitiesAnswer({ data: { _entities: 'nope' } }, reps('a:1'))).toEqual({ status: 'failed', reason: 'answered no data._entities' });
    expect(readEntitiesAnswer({}, reps('a:1'))).toEqual({ status: 'failed', reason: 'answered no data._entities' });
    expect(readEntitiesAnswer({ data: null, errors: [{ message: 'Cannot query field "x"' }] }, reps('a:1'))).toEqual({
      status: 'failed',
      reason: 'answered no data._entities: Cannot query field "x"',
    });
  });

  it("refuses an error-only answer with its errors' distinct codes, in order", () => {
    const answer = {
      data: null,
      errors: [
        { message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        { message: 'Cannot query field "y"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        { message: 'odd', extensions: { code: 42 } },
        { message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    };
    expect(readEntitiesAnswer(answer, reps('a:1'))).toEqual({
      status: 'failed',
      reason: 'answered no data._entities: Cannot query field "x"; Cannot query field "y"; odd; down',
      serviceCodes: ['GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'],
    });
  });

  it('refuses the whole answer when one entity carries another id, or none', () => {
    const swapped = {
      data: {
        _entities: [
          { value: 1, [CHECKED_ID]: 'a:1' },
          { value: 999999, [CHECKED_ID]: 'a:1' },
        ],
      },
    };
    expect(readEntitiesAnswer(swapped, reps('a:1', 'a:2'))).toEqual({
      status: 'failed',
      reason: 'answered an entity with another id (asked "a:2", got "a:1")',
    });
    expect(readEntitiesAnswer({ data: { _entities: [{ value: 1 }] } }, reps('a:1'))).toEqual({
      status: 'failed',
      reason: 'answered an entity with another id (asked "a:1", got no id)',
    });
    expect(readEntitiesAnswer({ data: { _entities: [7] } }, reps('a:1'))).toEqual({
      status: 'failed',
      reason: 'answered something that is not an entity at position 0',
    });
  });
});
