/* global fetch */
// Sends the page's stored operations to /graphql with the analyst's credential, and says plainly
// why an answer is refused: 401 (sign in again), 403 (this credential may not), or another error.

/** Why a request failed. kind: 'unauthenticated' | 'forbidden' | 'network' | 'graphql' | 'http'. */
export class DashboardRequestError extends Error {
  constructor(kind, message, { status = null, code = null, errors = [] } = {}) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

const codeOf = (error) => error?.extensions?.code ?? null;

function refusal(status, errors) {
  const message = errors.map((error) => error.message).join(' ') || `HTTP ${status}`;
  if (status === 401 || errors.some((error) => codeOf(error) === 'UNAUTHENTICATED')) {
    return new DashboardRequestError('unauthenticated', message, { status, code: 'UNAUTHENTICATED', errors });
  }
  if (status === 403 || errors.some((error) => codeOf(error) === 'FORBIDDEN')) {
    return new DashboardRequestError('forbidden', message, { status, code: 'FORBIDDEN', errors });
  }
  return null;
}

/**
 * A client for one endpoint and its stored operations (name → document).
 * run(name, variables) resolves to { data, errors } when there is data (errors then name the
 * zones or fields that could not answer: the page shows them next to the data), and rejects with
 * a DashboardRequestError when there is none.
 */
export function createGraphQLClient({ endpoint, operations, authorization }) {
  async function run(name, variables = {}) {
    const query = operations[name];
    if (!query) throw new DashboardRequestError('graphql', `unknown dashboard operation ${name}`);
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: authorization() ?? '' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new DashboardRequestError('network', String(error?.message ?? error));
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      throw new DashboardRequestError('http', `HTTP ${response.status} ${response.statusText}`, { status: response.status });
    }
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    const refused = refusal(response.status, errors);
    const data = body?.data ?? null;
    const rootsAnswered = data !== null && Object.values(data).some((value) => value !== null);
    if (refused && !rootsAnswered) throw refused;
    if (!rootsAnswered) {
      const message = errors.map((error) => error.message).join(' ') || `HTTP ${response.status}`;
      throw new DashboardRequestError(response.ok ? 'graphql' : 'http', message, { status: response.status, code: codeOf(errors[0]), errors });
    }
    return { data, errors };
  }
  return { run };
}
