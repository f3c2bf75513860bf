// A short-lived in-memory cache of shared responses, in front of Next: a response that says it may be shared
// (Cache-Control s-maxage, no private/no-store, no cookie; or marked by the app as the same for every reader) is
// kept for that many seconds, as a CDN would keep it. Next spends milliseconds on every request even for a page it
// already has; this answers in microseconds.

import { SHARED_MAX_AGE_HEADER } from '../lib/security-headers.js';

const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
// The request headers Next varies its responses on (its Vary header lists them).
const VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'accept-encoding'];

/** Where the app finds the running server's cache to empty it when something is published (same process). */
export const MICRO_CACHE_CLEAR = Symbol.for('dispatch.microCache.clear');

export function createMicroCache({ now = () => Date.now() } = {}) {
  const entries = new Map();
  // Bumped by clear(): a response rendered before a publish but finished after it is not kept.
  let generation = 0;

  const keyOf = (request) => [request.url, ...VARY_HEADERS.map((name) => request.headers[name] ?? '')].join('\u0000');

  function sharedLifetimeMs(response) {
    if (response.statusCode !== 200 || response.getHeader('set-cookie')) return 0;
    // Next answers STALE while it regenerates a page after a publish: keeping that for a second would delay the
    // publish by as much; the next requests go to Next until it answers with the fresh page.
    if (response.getHeader('x-nextjs-cache') === 'STALE') return 0;
    // The app marks pages that are the same for every reader, even those Next renders per request.
    const sharedSeconds = Number(response.getHeader(SHARED_MAX_AGE_HEADER) ?? 0);
    if (sharedSeconds > 0) return sharedSeconds * 1000;
    const cacheControl = String(response.getHeader('cache-control') ?? '');
    if (/private|no-store|no-cache/.test(cacheControl)) return 0;
    const seconds = Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1] ?? 0);
    return seconds * 1000;
  }

  /** Answers from the cache when it can; returns true when it did. */
  function serve(request, response) {
    if (request.method !== 'GET' || request.headers.cookie?.includes('session-token')) return false;
    const key = keyOf(request);
    const entry = entries.get(key);
    if (!entry) return false;
    if (entry.expires <= now()) {
      entries.delete(key);
      return false;
    }
    response.writeHead(entry.status, { ...entry.headers, 'x-dispatch-cache': 'HIT' });
    response.end(entry.body);
    return true;
  }

  /** Watches a response Next writes and keeps it when it may be shared. */
  function record(request, response) {
    if (request.method !== 'GET' || request.headers.cookie?.includes('session-token')) return;
    const key = keyOf(request);
    const startedIn = generation;
    const chunks = [];
    let size = 0;
    const keep = (chunk, encoding) => {
      if (!chunk || typeof chunk === 'function' || size > MAX_BODY_BYTES) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined);
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = response.write;
    const end = response.end;
    response.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    response.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      const lifetime = sharedLifetimeMs(response);
      if (lifetime > 0 && size <= MAX_BODY_BYTES && startedIn === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
        const headers = { ...response.getHeaders() };
        delete headers['x-dispatch-cache'];
        // Each response names its own request (scripts/server.mjs sets it before serving from here).
        delete headers['x-request-id'];
        entries.set(key, { status: response.statusCode, headers, body: Buffer.concat(chunks), expires: now() + lifetime });
      }
      return end.call(this, chunk, encoding, callback);
    };
  }

  /** Forgets every kept response, and any being recorded now. */
  function clear() {
    generation += 1;
    entries.clear();
  }

  return { serve, record, clear, size: () => entries.size };
}
