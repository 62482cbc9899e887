/**
 * `node internal/bench/dist/hop/hopForwarderMain.js`: one forwarder of the hop suite. HOP_FRONT
 * (node-http | raw-socket) takes the request, HOP_BACK (undici | raw-socket) posts its body to
 * ZONE_URL signed for the bench principal (SERVICE_SIGNING_KEYS), and the answer's bytes go back
 * as they came. Prints `… ready at <url>`.
 */
import type { AddressInfo } from 'node:net';
import { parseSigningKeys } from '@devzone/auth';
import { BACK_KINDS, backTo, FRONT_KINDS, forwarder, type BackKind, type FrontKind } from './hopForwarders';

function oneOf<T extends string>(name: string, allowed: readonly T[]): T {
  const value = process.env[name]?.trim() ?? '';
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

if (require.main === module) {
  const front: FrontKind = oneOf('HOP_FRONT', FRONT_KINDS);
  const back: BackKind = oneOf('HOP_BACK', BACK_KINDS);
  const server = forwarder(front, backTo(back, required('ZONE_URL'), parseSigningKeys(process.env.SERVICE_SIGNING_KEYS)));
  server.listen(Number(required('PORT')), process.env.HOST?.trim() || '127.0.0.1', () => {
    console.log(`Hop forwarder (${front} → ${back}) ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  });
}
