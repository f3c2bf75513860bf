// A short-lived in-memory cache of shared responses, in front of Next: a response that says it may be shared
// (Cache-Control s-maxage, no private/no-store, no cookie; or marked by the app as the same for every reader) is
// kept for that many seconds, as a CDN would keep it. Next spends milliseconds on every request even for a page it
// already has; this answers in microseconds.

import { SHARED_MAX_AGE_HEADER } from '../lib/security-headers.js';

const MAX_ENTRIES = 500;
// While one request renders an expired page again, the others get the expired copy for at most this long instead of
// waiting behind that render (a CDN's stale-while-revalidate). A publish empties the cache, so this never delays
// one; only the clock's changes (a scheduled article coming due) may show this much later.
const STALE_WHILE_REFRESHING_MS = 1_000;
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

  const mayUseCache = (request) => request.method === 'GET' && !request.headers.cookie?.includes('session-token');

  /** Answers from a kept response still fresh, or expired no longer ago than `staleForMs`; true when it did. */
  function answerFromCache(key, response, staleForMs = 0) {
    const entry = entries.get(key);
    if (!entry) return false;
    const age = now() - entry.expires;
    if (age >= STALE_WHILE_REFRESHING_MS) entries.delete(key);
    if (age >= staleForMs) return false;
    send(entry, response, age < 0 ? 'HIT' : 'STALE');
    return true;
  }

  function send(entry, response, how) {
    response.writeHead(entry.status, { ...entry.headers, 'x-dispatch-cache': how });
    response.end(entry.body);
  }

  /**
   * Watches the response Next writes and keeps it when it may be shared and no publish came meanwhile; then calls
   * `done(entry)` once, with the response when it may be shared (kept or not), else null.
   */
  function record(key, response, done) {
    const startedIn = generation;
    const chunks = [];
    let size = 0;
    let finished = false;
    const finish = (entry) => {
      if (finished) return;
      finished = true;
      done(entry);
    };
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
      let entry = null;
      if (lifetime > 0 && size <= MAX_BODY_BYTES) {
        const headers = { ...response.getHeaders() };
        delete headers['x-dispatch-cache'];
        // Each response names its own request (scripts/server.mjs sets it before serving from here).
        delete headers['x-request-id'];
        entry = { status: response.statusCode, headers, body: Buffer.concat(chunks), expires: now() + lifetime };
        if (startedIn === generation) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
          entries.set(key, entry);
        }
      }
      const result = end.call(this, chunk, encoding, callback);
      finish(entry);
      return result;
    };
    response.once('close', () => finish(null));
  }

  /** Requests waiting for the same address to be answered once (key → the waiters' `forward`s). */
  const inFlight = new Map();

  /**
   * Answers the waiters with the response they waited for, or lets them go to Next themselves when it cannot be
   * shared. They asked before any publish that came meanwhile (a publish ends their flight for later readers), so
   * that response is one they may get, as from a CDN; not keeping it is what makes later readers see the publish.
   */
  function release(waiters, key, entry) {
    for (const waiter of waiters.splice(0)) {
      if (entry) send(entry, waiter.response, 'HIT');
      else if (!answerFromCache(key, waiter.response)) waiter.forward();
    }
  }

  /**
   * Answers from the cache, or sends the request on with `forward()`. Requests for an address already on its way to
   * Next get the copy that just expired, or wait for that answer instead of each rendering it again (as a CDN
   * collapses them): after a publish or an expiry, fifty readers of the home page cost one render, not fifty.
   */
  function handle(request, response, forward) {
    if (!mayUseCache(request)) return forward();
    const key = keyOf(request);
    if (answerFromCache(key, response)) return;
    const flight = inFlight.get(key);
    if (flight) {
      if (!answerFromCache(key, response, STALE_WHILE_REFRESHING_MS)) flight.push({ response, forward });
      return;
    }
    const waiters = [];
    inFlight.set(key, waiters);
    record(key, response, (entry) => {
      if (inFlight.get(key) === waiters) inFlight.delete(key);
      release(waiters, key, entry);
    });
    forward();
  }

  /**
   * Forgets every kept response, and any being recorded now; readers who ask from now on start a new render, while
   * those already waiting get the render they waited for. After a publish every address is rendered once, not once
   * per reader who happened to be waiting (fifty feed readers were fifty renders competing with the first fresh one).
   */
  function clear() {
    generation += 1;
    entries.clear();
    inFlight.clear();
  }

  return { handle, clear, size: () => entries.size };
}
