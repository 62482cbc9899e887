import { createHash } from 'node:crypto';

/** sha256 of a supergraph SDL, hex: how states and gateways tell supergraphs apart. */
export function supergraphHash(supergraphSdl: string): string {
  return createHash('sha256').update(supergraphSdl).digest('hex');
}
