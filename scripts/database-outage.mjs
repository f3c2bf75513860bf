// A page that fails while the database is down is a temporary outage, not a server bug: readers get a plain
// "temporarily unavailable" page with HTTP 503 and Retry-After, so browsers and crawlers come back later instead
// of dropping the URL. Next's error boundaries cannot set a status, so the production server decides: it holds
// back a GET or HEAD response that Next answers with 5xx, asks PostgreSQL a trivial question, and sends either
// Next's answer unchanged (the database is fine: a real bug) or the 503 page. Other responses pass through.
import pg from 'pg';

export const RETRY_AFTER_SECONDS = 5;
const PROBE_TIMEOUT_MS = 1500;

/** True when PostgreSQL at `connectionString` answers `SELECT 1` within the probe timeout. */
export async function isDatabaseReachable(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

function unavailablePage(siteName) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · ${siteName}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1c1917;background:#fafaf9}h1{font-size:1.5rem}@media (prefers-color-scheme:dark){body{color:#e7e5e4;background:#1c1917}a{color:#93c5fd}}</style>
</head>
<body>
<main>
<h1>${siteName} is temporarily unavailable</h1>
<p>We cannot reach our database right now. Nothing you saved is lost. Please try again in a few moments.</p>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Watches one response; when Next answers a GET or HEAD with 5xx and `probe()` finds the database unreachable,
 * replaces the answer with the 503 page.
 */
export function answerOutagesWith503(request, response, { probe, siteName = 'Dispatch' }) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  // Wrapped, never restored: Next's compression wraps these methods again after us and must keep its wrapping.
  const passed = { writeHead: response.writeHead, write: response.write, end: response.end };
  // Headers set in front of Next (a request id) stay on the 503 page; Next's own do not.
  const headersBeforeNext = new Set(response.getHeaderNames());
  /** 'pass' once the response is known not to fail; a 5xx response's head and body while the probe decides. */
  let state = null;
  const decide = (status) => {
    if (state === null) state = status >= 500 ? { head: null, chunks: [] } : 'pass';
    return state;
  };
  const keep = (chunk, encoding, callback) => {
    const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') state.chunks.push([chunk, typeof encoding === 'string' ? encoding : undefined]);
    if (done) process.nextTick(done);
  };

  response.writeHead = function (status, ...rest) {
    if (decide(status) === 'pass') return passed.writeHead.call(this, status, ...rest);
    state.head = [status, ...rest];
    return this;
  };
  response.write = function (chunk, encoding, callback) {
    if (decide(response.statusCode) === 'pass') return passed.write.call(this, chunk, encoding, callback);
    keep(chunk, encoding, callback);
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    if (decide(response.statusCode) === 'pass') return passed.end.call(this, chunk, encoding, callback);
    keep(chunk, encoding, callback);
    const { head, chunks } = state;
    void probe().then((reachable) => {
      if (response.destroyed) return;
      if (reachable) {
        if (head) passed.writeHead.apply(response, head);
        for (const [part, partEncoding] of chunks) passed.write.call(response, part, partEncoding);
        passed.end.call(response);
        return;
      }
      for (const name of response.getHeaderNames()) if (!headersBeforeNext.has(name)) response.removeHeader(name);
      const page = unavailablePage(escapeHtml(siteName));
      passed.writeHead.call(response, 503, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(page),
        'Retry-After': String(RETRY_AFTER_SECONDS),
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'X-Content-Type-Options': 'nosniff',
      });
      passed.end.call(response, request.method === 'HEAD' ? undefined : page);
    });
    return this;
  };
}
