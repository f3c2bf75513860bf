// The production HTTP server: Next's request handler behind a plain Node server, so the app learns the
// client's real address (Next itself only passes on X-Forwarded-For, which any client can forge).
import http from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../lib/client-address.js';
import { createMicroCache, MICRO_CACHE_CLEAR } from './micro-cache.mjs';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const dev = process.argv.includes('--dev');

const app = next({ dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// MICRO_CACHE=off measures Next alone (npm run bench -- --no-micro-cache).
const microCache = process.env.MICRO_CACHE === 'off' ? null : createMicroCache();
// A publish empties it at once (lib/actions/public-freshness.ts), so readers never wait out the second.
if (microCache) globalThis[MICRO_CACHE_CLEAR] = () => microCache.clear();

const server = http.createServer((request, response) => {
  const address = resolveClientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, trustedHops);
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  if (microCache?.serve(request, response)) return;
  microCache?.record(request, response);
  handle(request, response);
});
server.keepAliveTimeout = 65_000;

function shutdown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(port, hostname, () => console.log(`▲ Dispatch ready on http://${hostname}:${port}`));
