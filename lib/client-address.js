// The client's address, decided once by the HTTP server (scripts/server.mjs) and passed to the app in a header
// no client can set. Plain JavaScript so the server can load it without a build step.

export const CLIENT_ADDRESS_HEADER = 'x-dispatch-client-address';

/**
 * With no trusted proxy the connecting peer is the client, whatever X-Forwarded-For claims. Behind `trustedHops`
 * proxies that each append the address they received from, the client is that many entries from the right.
 */
export function resolveClientAddress(forwardedFor, peerAddress, trustedHops) {
  const peer = (peerAddress ?? '').replace(/^::ffff:/, '') || null;
  if (!trustedHops) return peer;
  const chain = String(forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  return chain.at(-1 - trustedHops) ?? chain[0] ?? peer;
}
