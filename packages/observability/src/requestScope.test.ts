import { bindRequestScope, carryRequestScope, requestScopeOf, type RequestScope } from './requestScope';

describe('request scopes kept by their holders', () => {
  it('finds the scope through a shallow copy of the holder (as Apollo Server copies each context), never serialised', () => {
    const scope: RequestScope = { requestId: 'req-scope-0001', operationName: undefined };
    const context = { principal: null };
    bindRequestScope(context, scope);

    const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as object, context);
    expect(requestScopeOf(copy)).toBe(scope);
    expect(JSON.stringify(context)).toBe('{"principal":null}');
  });

  it('has no scope for a holder never bound, and keeps the scopes of two holders apart', () => {
    const [first, second] = [{}, {}];
    bindRequestScope(first, { requestId: 'a', operationName: undefined });
    bindRequestScope(second, { requestId: 'b', operationName: undefined });

    expect(requestScopeOf({})).toBeUndefined();
    expect(requestScopeOf(first)?.requestId).toBe('a');
    expect(requestScopeOf(second)?.requestId).toBe('b');
  });

  it("carries a request's scope to its context, and nothing from a request without one", () => {
    const [request, context, bare, other] = [{}, {}, {}, {}];
    bindRequestScope(request, { requestId: 'c', operationName: undefined });
    carryRequestScope(request, context);
    carryRequestScope(bare, other);

    expect(requestScopeOf(context)).toBe(requestScopeOf(request));
    expect(requestScopeOf(other)).toBeUndefined();
  });
});
