// The production HTTP server: Next's request handler behind a plain Node server, so the app learns the
// client's real address (Next itself only passes on X-Forwarded-For, which any client can forge).
import http from 'node:http';
import { Duplex } from 'node:stream';
import compression from 'compression';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../lib/client-address.js';
import { listenForInvalidations } from '../lib/cache/redis-cache-handler.mjs';
import { getLogger, parseRequestId, pathForLog, REQUEST_ID_HEADER, runWithRequestId } from '../lib/log.js';
import { answerOutagesWith503, isDatabaseReachable, RETRY_AFTER_SECONDS } from './database-outage.mjs';
import { loopbackOrigin } from './lib/loopback-address.mjs';
import { createMicroCache, MICRO_CACHE_CLEAR } from './micro-cache.mjs';
import { stripFrameworkScriptsFrom } from './reading-pages.mjs';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const dev = process.argv.includes('--dev');
/** How long SIGTERM waits for requests in flight before giving up on them (docs/RELIABILITY.md). */
const SHUTDOWN_TIMEOUT_MS = 10_000;
const outageOptions = { probe: () => isDatabaseReachable(process.env.DATABASE_URL), siteName: process.env.SITE_NAME || 'Dispatch' };
let stopping = false;
let requestsInFlight = 0;

const app = next({ dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// MICRO_CACHE=off measures Next alone (npm run bench -- --no-micro-cache).
const microCache = process.env.MICRO_CACHE === 'off' ? null : createMicroCache();
// READING_PAGES_JS=framework serves reading pages with Next's client runtime, as the newsroom has (scripts/reading-pages.mjs).
const readingPagesWithoutScripts = process.env.READING_PAGES_JS !== 'framework';
// Compression happens here rather than in Next (next.config.mjs compress: false), outside the stripping of reading
// pages, so a page is stripped as plain HTML and compressed once.
const compressMiddleware = compression();
function compressResponse(request, response) {
  compressMiddleware(request, response, () => {});
  // A client that disconnects leaves the middleware's zlib stream open; closed as Next's own server does: adding a
  // 'drain' listener returns that stream.
  response.once('close', () => {
    if (response.writableFinished) return;
    const stream = response.on('drain', ignore);
    if (stream instanceof Duplex && stream !== response) stream.destroy();
    else response.off('drain', ignore);
  });
}
function ignore() {}
// Next answers notFound() in a dynamic page with an empty shell its client fills (scripts/reading-pages.mjs); readers
// get the page this server gives any unknown address instead, asked once: Next prerenders it at build time.
const ownAddress = loopbackOrigin(hostname, port);
const NOT_FOUND_PROBE = '/_dispatch/no-such-page';
let notFoundPageOnce = null;
function notFoundPage() {
  notFoundPageOnce ??= fetch(`${ownAddress}${NOT_FOUND_PROBE}`, { headers: { 'accept-encoding': 'identity' } })
    .then(async (response) => {
      if (response.status !== 404) throw new Error(`${NOT_FOUND_PROBE} answered ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    })
    .catch(() => {
      notFoundPageOnce = null;
      return null;
    });
  return notFoundPageOnce;
}
// A publish empties it at once (lib/actions/public-freshness.ts), so readers never wait out the second.
if (microCache) globalThis[MICRO_CACHE_CLEAR] = () => microCache.clear();
// With a shared cache, a publish on another instance empties this one's micro-cache too.
if (microCache && process.env.REDIS_URL) {
  await listenForInvalidations({ url: process.env.REDIS_URL, prefix: process.env.REDIS_KEY_PREFIX || undefined }, () => microCache.clear());
}

const log = getLogger();

/** Gives the request its id (kept from a sane `x-request-id`, else new), echoes it, and logs the request once done. */
function acceptRequest(request, response) {
  const requestId = parseRequestId(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  const started = performance.now();
  response.once('close', () => {
    const line = { requestId, method: request.method, path: pathForLog(request.url), status: response.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    log.info(response.writableFinished ? line : { ...line, aborted: true }, 'request');
  });
  return requestId;
}

const server = http.createServer((request, response) => runWithRequestId(acceptRequest(request, response), () => {
  requestsInFlight += 1;
  response.once('close', () => (requestsInFlight -= 1));
  if (stopping) {
    response.writeHead(503, { Connection: 'close', 'Retry-After': String(RETRY_AFTER_SECONDS), 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('The server is restarting; try again in a few seconds.\n');
    return;
  }
  const address = resolveClientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, trustedHops);
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  const forward = () => {
    answerOutagesWith503(request, response, outageOptions);
    compressResponse(request, response);
    // The probe itself never waits for the page it is fetching.
    if (readingPagesWithoutScripts) stripFrameworkScriptsFrom(request, response, request.url === NOT_FOUND_PROBE ? {} : { notFoundPage });
    handle(request, response);
  };
  if (microCache) microCache.handle(request, response, forward);
  else forward();
}));
server.keepAliveTimeout = 65_000;

// Stops listening, finishes the requests in flight, then closes the database pools (lib/db.ts) so PostgreSQL can
// stop cleanly; requests still arriving on open keep-alive connections are refused with 503.
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close(async () => {
    await Promise.all([globalThis.dispatchPrisma?.$disconnect(), globalThis.dispatchReadPrisma?.$disconnect()]);
    process.exit(0);
  });
  // Connections close as soon as nothing is in flight, not at the timeout: idle keep-alive ones, and those a
  // browser opened ahead of time that never carried a request (closeIdleConnections leaves those open).
  setInterval(() => (requestsInFlight === 0 ? server.closeAllConnections() : server.closeIdleConnections()), 100).unref();
  setTimeout(() => {
    console.error(`Stopped with requests still in flight after ${SHUTDOWN_TIMEOUT_MS / 1000} s.`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(port, hostname, () => console.log(`▲ Dispatch ready on http://${hostname}:${port}`));
