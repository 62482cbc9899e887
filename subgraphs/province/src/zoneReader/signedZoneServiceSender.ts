import type { ZoneServiceEntry } from '@devzone/registry';
import { AnswerStatusError, type GraphQLHttpClient, type SendToService, type SubgraphAnswer } from '@devzone/shard-router';
import type { RequestSigner } from '@devzone/subgraph-kit';

/**
 * Posts a routed request straight to a zone service over the pooled keep-alive client,
 * with automatic persisted queries (the query's hash alone once the service holds it),
 * each body signed for the caller the province is answering (`sign` adds the signature and
 * the caller's principal header, as the gateway's requests carry them: the zone service
 * applies that caller's scope). The request is aborted at the router's deadline; an answer
 * larger than `maxResponseBytes`, not 2xx or not a JSON object fails the call.
 */
export function signedZoneServiceSender(client: GraphQLHttpClient, sign: RequestSigner, maxResponseBytes: number): SendToService<ZoneServiceEntry> {
  return async (service, request, signal) => {
    const answer = await client.post(service.url, { request, headers: {}, sign, persisted: true, maxResponseBytes, signal });
    if (answer.status < 200 || answer.status >= 300) {
      throw new AnswerStatusError(answer.status, answer.statusText, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    }
    if (typeof answer.body !== 'object' || answer.body === null || Array.isArray(answer.body))
      throw new Error('answered something that is not a GraphQL answer');
    return answer.body as SubgraphAnswer;
  };
}
