import type { ApolloServerPlugin } from '@apollo/server';
import { hasRole, type Principal } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Who may introspect the schema and get field suggestions in validation errors
 * (`GATEWAY_INTROSPECTION`): `analysts` (default) administrators and analysts,
 * `all` every authenticated caller, `off` no one.
 */
export const INTROSPECTION_POLICIES = ['analysts', 'all', 'off'] as const;

export type IntrospectionPolicy = (typeof INTROSPECTION_POLICIES)[number];

export function mayIntrospect(policy: IntrospectionPolicy, principal: Principal | null): boolean {
  if (!principal || policy === 'off') return false;
  return policy === 'all' || hasRole(principal, 'ADMIN') || hasRole(principal, 'ANALYST');
}

/** graphql-js appends " Did you mean …?" naming fields, types and enum values: the schema, piece by piece. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * Introspection and field suggestions for the callers the policy names. For
 * anyone else an operation selecting `__schema` or `__type` is FORBIDDEN (403)
 * before it runs, and every error message loses its suggestions.
 */
export function introspectionPolicyPlugin(policy: IntrospectionPolicy = 'analysts'): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async ({ contextValue }) => {
      if (mayIntrospect(policy, contextValue.principal)) return {};
      return {
        didResolveOperation: async ({ document }) => {
          if (!introspects(document)) return;
          const message = policy === 'off' ? 'Introspection is turned off on this gateway.' : 'Introspection needs the role ADMIN or ANALYST.';
          throw ERRORS.FORBIDDEN.err(message, { http: { status: 403 } });
        },
        willSendResponse: async ({ response }) => {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const { errors } = singleResult;
          if (errors) singleResult.errors = errors.map((error) => ({ ...error, message: error.message.replace(SUGGESTION, '') }));
        },
      };
    },
  };
}

/** Whether a document selects `__schema` or `__type` anywhere (`__typename` is not introspection). */
export function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
