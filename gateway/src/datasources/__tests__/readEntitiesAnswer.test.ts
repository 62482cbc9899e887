import { readEntitiesAnswer } from '../readEntitiesAnswer';

describe('readEntitiesAnswer', () => {
  it('accepts exactly one entity per representation, with the errors that came along', () => {
    expect(readEntitiesAnswer({ data: { _entities: [{ a: 1 }, null] }, errors: [{ message: 'x' }] }, 2)).toEqual({
      status: 'answered',
      entities: [{ a: 1 }, null],
      errors: [{ message: 'x' }],
    });
  });

  it('refuses a wrong count, a missing array and an error-only answer', () => {
    expect(readEntitiesAnswer({ data: { _entities: [{}] } }, 2)).toEqual({ status: 'failed', reason: 'answered 1 entities for 2 representations' });
    expect(readEntitiesAnswer({ data: { _entities: 'nope' } }, 1)).toEqual({ status: 'failed', reason: 'answered no data._entities' });
    expect(readEntitiesAnswer({}, 1)).toEqual({ status: 'failed', reason: 'answered no data._entities' });
    expect(readEntitiesAnswer({ data: null, errors: [{ message: 'Cannot query field "x"' }] }, 1)).toEqual({
      status: 'failed',
      reason: 'answered no data._entities: Cannot query field "x"',
    });
  });
});
