import { withDefaultCredential } from '@devzone/testkit';
import { isRaw, type AbuseCase, type Fixtures } from './abuseCase';
import type { Headers } from './callers';

export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** Sends one case to the gateway as a client would, with the caller's credential. */
export async function send(gatewayUrl: string, abuse: AbuseCase, caller: Headers, fixtures: Fixtures): Promise<Answer> {
  const request = typeof abuse.request === 'function' ? abuse.request(fixtures) : abuse.request;
  const headers = { ...caller, ...abuse.headers };
  const response = isRaw(request)
    ? await fetch(`${gatewayUrl}${request.search ?? ''}`, {
        method: request.method,
        headers: withDefaultCredential(gatewayUrl, { ...request.headers, ...headers }),
        ...(request.body === undefined ? {} : { body: request.body }),
      })
    : await fetch(gatewayUrl, {
        method: 'POST',
        headers: withDefaultCredential(gatewayUrl, { 'content-type': 'application/json', ...headers }),
        body: JSON.stringify(request),
      });
  return { status: response.status, text: await response.text() };
}
