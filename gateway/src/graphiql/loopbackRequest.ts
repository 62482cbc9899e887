import type { IncomingMessage } from 'node:http';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Whether a request comes from this machine, directly: the peer is a loopback
 * address, no proxy forwarded it (a proxy on the same machine would make every
 * client look local), and the Host header names loopback too (a page on another
 * origin that rebinds its DNS name to 127.0.0.1 must not read a local secret).
 */
export function isDirectLoopbackRequest(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? '';
  if (!LOOPBACK_ADDRESSES.has(peer)) return false;
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined) return false;
  return LOOPBACK_HOSTS.test(req.headers.host ?? '');
}
