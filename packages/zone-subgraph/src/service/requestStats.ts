import type { ApolloServerPlugin } from '@apollo/server';
import { zoneIdOf } from '@devzone/registry';

/** Apollo's health-check operation, which gateways in registry mode send every few seconds: not a request anyone asked for. */
const HEALTH_CHECK_OPERATION = '__ApolloServiceHealthCheck__';

/** What a zone service has been asked, health checks left out: tests and benchmarks read it. */
export class RequestStats {
  requests = 0;
  /** Zone ids of every `_entities` representation received, in arrival order. */
  readonly zoneIdsSeen: string[] = [];

  reset(): void {
    this.requests = 0;
    this.zoneIdsSeen.length = 0;
  }

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async ({ request }) => {
        if (request.operationName === HEALTH_CHECK_OPERATION || request.query?.includes(HEALTH_CHECK_OPERATION)) return;
        this.requests += 1;
        const representations = request.variables?.representations;
        if (Array.isArray(representations)) {
          for (const representation of representations) {
            const id = (representation as { id?: unknown }).id;
            if (typeof id === 'string') this.zoneIdsSeen.push(zoneIdOf(id));
          }
        }
      },
    };
  }
}
