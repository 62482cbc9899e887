import { Counter, type Registry } from 'prom-client';
import { OTHER_LABEL_VALUE } from './boundedLabelValues';

/** The shape of an error code of the one registry (`ZONE_UNAVAILABLE`); anything else is counted as `_OTHER`. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** An error answered without `extensions.code`. */
export const NO_ERROR_CODE = '_NONE';

/** `graphql_errors_total{code}`: every error a GraphQL response carried, by `extensions.code`. */
export class GraphQLErrorMetrics {
  private readonly errors: Counter<'code'>;

  constructor(registry: Registry) {
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code as the client received it.',
      labelNames: ['code'],
      registers: [registry],
    });
  }

  count(code: unknown): void {
    const label = code === undefined || code === null ? NO_ERROR_CODE : typeof code === 'string' && ERROR_CODE.test(code) ? code : OTHER_LABEL_VALUE;
    this.errors.inc({ code: label });
  }
}
