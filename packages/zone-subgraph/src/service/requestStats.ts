import type { ApolloServerPlugin } from '@apollo/server';
import { zoneIdOf } from '@devzone/registry';

/** Apollo's health-check operation, which gateways in registry mode send every few seconds: not a request anyone asked for. */
const HEALTH_CHECK_OPERATION = '__ApolloServiceHealthCheck__';
/** A read of the service's schema and nothing else (`{ _service { sdl } }`, named or not): what gateways, the registry and the province's zone reader ask to learn the schema, not data. */
const SCHEMA_READ = /^\s*(query\b[^{]*)?\{\s*_service\s*\{\s*sdl\s*\}\s*\}\s*$/;

/** How many representations' zone ids are remembered: the service runs for months, the tests read the last few. */
const ZONE_IDS_REMEMBERED = 10_000;

/** What a zone service has been asked for data (health checks and schema reads left out): tests and benchmarks read it. */
export class RequestStats {
  requests = 0;
  /** Zone ids of `_entities` representations received, in arrival order: at least the last 10,000, never more than 20,000. */
  readonly zoneIdsSeen: string[] = [];
  /** The variables of the last request. */
  lastVariables: Readonly<Record<string, unknown>> | undefined;
  /** The operation name of the last request whose operation was resolved (null for an anonymous one). */
  lastOperationName: string | null | undefined;

  reset(): void {
    this.requests = 0;
    this.zoneIdsSeen.length = 0;
    this.lastVariables = undefined;
    this.lastOperationName = undefined;
  }

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async ({ request }) => {
        if (request.operationName === HEALTH_CHECK_OPERATION || request.query?.includes(HEALTH_CHECK_OPERATION)) return;
        if (request.query !== undefined && SCHEMA_READ.test(request.query)) return;
        this.requests += 1;
        this.lastVariables = request.variables;
        const representations = request.variables?.representations;
        if (Array.isArray(representations)) {
          for (const representation of representations) {
            const id = (representation as { id?: unknown }).id;
            if (typeof id === 'string') this.zoneIdsSeen.push(zoneIdOf(id));
          }
          // Dropped in bulk, so that a long-running service pays for it once per 10,000 ids.
          if (this.zoneIdsSeen.length > 2 * ZONE_IDS_REMEMBERED) this.zoneIdsSeen.splice(0, this.zoneIdsSeen.length - ZONE_IDS_REMEMBERED);
        }
        return {
          didResolveOperation: async ({ operationName }) => {
            this.lastOperationName = operationName ?? null;
          },
        };
      },
    };
  }
}
