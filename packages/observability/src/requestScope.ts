/** What the signals of one HTTP request are tied to: its id, and the operation once resolved. */
export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation once resolved: labels the request's duration. */
  operationName: string | undefined;
}

/**
 * Where a holder keeps its scope: the HTTP request (`observeHttpRequests`) and the GraphQL
 * context built for it (`bindRequestScope`). A property of the holder rather than an
 * `AsyncLocalStorage` entry: any async store makes Node run hooks on every promise of the
 * process (~7 % of a service's CPU), so whatever needs the scope is handed its holder. A
 * symbol, so that it is copied with the context (Apollo Server copies each request's
 * context) and never serialised.
 */
const SCOPE = Symbol('devzone.requestScope');

interface ScopeHolder {
  [SCOPE]?: RequestScope;
}

/** Ties `scope` to `holder`: the request it was opened for, or the GraphQL context of that request. */
export function bindRequestScope(holder: object, scope: RequestScope): void {
  (holder as ScopeHolder)[SCOPE] = scope;
}

/** Ties the scope of `from` (the request), if it has one, to `to` (the GraphQL context built for it). */
export function carryRequestScope(from: object, to: object): void {
  const scope = requestScopeOf(from);
  if (scope) bindRequestScope(to, scope);
}

/** The scope tied to `holder`; undefined for anything not tied to a request (start-up, background work). */
export function requestScopeOf(holder: object): RequestScope | undefined {
  return (holder as ScopeHolder)[SCOPE];
}
