import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { ZoneServiceRegistry } from '@devzone/registry';
import type { GatewayContext } from '../context';
import type { AnswerCache } from './AnswerCache';
import { startAnswerRecord, type AnswerRecord } from './answerRecord';

/**
 * Serves a client query from the answer cache when its kept answer still holds, once the
 * operation has passed every check (authentication, limits, cost: `responseForOperation` runs
 * after them), and otherwise records what it is answered from and keeps the answer if it came
 * back whole (no errors, no extensions) and repeatable. Mutations pass through untouched: they
 * change versions, which is how kept answers learn of them. A repeated POST is mostly served
 * before Apollo Server by `AnswerFastPath`, from what this plugin kept.
 */
export function answerCachePlugin(cache: AnswerCache, shardMapOf: (context: GatewayContext) => ZoneServiceRegistry): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => {
      let pending: { key: string; record: AnswerRecord } | undefined;
      return {
        responseForOperation: async ({ operation, contextValue, request, source }) => {
          if (operation.operation !== 'query' || !contextValue.principal) return null;
          const key = cache.keyOf({ principal: contextValue.principal, operationName: request.operationName, query: source, variables: request.variables });
          const data = contextValue.answerLookedUp ? undefined : await cache.answerOf(key, shardMapOf(contextValue), contextValue.zoneVersionsSeen);
          if (data) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
          pending = { key, record: startAnswerRecord(contextValue) };
          return null;
        },
        willSendResponse: async ({ response }) => {
          if (!pending || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          if (data && !errors?.length && !extensions) cache.keep(pending.key, data, pending.record);
        },
      };
    },
  };
}
