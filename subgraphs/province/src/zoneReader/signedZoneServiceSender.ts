import type { ZoneServiceEntry } from '@devzone/registry';
import { AnswerStatusError, deadlineSignal, type SendToService, type SubgraphAnswer } from '@devzone/shard-router';
import type { RequestSigner } from '@devzone/subgraph-kit';

/**
 * Posts a routed request straight to a zone service, signed for the caller the province
 * is answering (`sign` adds the signature and the caller's principal header, as the
 * gateway's requests carry them: the zone service applies that caller's scope). The
 * request is aborted at the router's deadline; an answer larger than `maxResponseBytes`,
 * not 2xx or not a JSON object fails the call.
 */
export function signedZoneServiceSender(sign: RequestSigner, maxResponseBytes: number): SendToService<ZoneServiceEntry> {
  return async (service, request) => {
    const body = JSON.stringify(request);
    const signal = deadlineSignal();
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign(body) },
      body,
      ...(signal ? { signal } : {}),
    });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxResponseBytes) {
      await response.body?.cancel();
      throw new Error(`answered more than the ${maxResponseBytes} bytes allowed (it declared ${declared})`);
    }
    const text = await response.text();
    if (Buffer.byteLength(text) > maxResponseBytes) throw new Error(`answered more than the ${maxResponseBytes} bytes allowed`);
    if (!response.ok) throw new AnswerStatusError(response.status, response.statusText, text);
    const answer: unknown = JSON.parse(text);
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new Error('answered something that is not a GraphQL answer');
    return answer as SubgraphAnswer;
  };
}
