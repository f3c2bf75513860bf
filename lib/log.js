// The one logger of the server and the app: JSON lines (pino) on stdout, each carrying the id of the request
// being handled. Plain JavaScript so scripts/server.mjs loads it without a build step; the app's bundled copy
// and the server's share one logger and one request context through globalThis.
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import pino from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

// What a proxy or client may hand us as a request id; anything else is replaced, so log lines stay parseable.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

// Paths whose last segment is a secret (invitation, password reset and share-preview links).
const TOKEN_PATH = /^\/(invite|reset|preview)\/[^/]+/;

const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'token', 'secret', 'authorization', 'cookie', 'set-cookie', 'AUTH_SECRET', 'DATABASE_URL'];

/** Keys censored wherever they appear in a log line's fields, up to three levels deep. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const member = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [member.startsWith('.') ? key : member, `*${member}`, `*.*${member}`];
});

function createLogger(destination) {
  return pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = shared().requests.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    },
    destination,
  );
}

const SHARED = Symbol.for('dispatch.log');

function shared() {
  globalThis[SHARED] ??= { requests: new AsyncLocalStorage(), logger: null };
  return globalThis[SHARED];
}

/** The process's logger; `destination` (for tests) applies only when it is created. */
export function getLogger(destination) {
  const state = shared();
  state.logger ??= createLogger(destination);
  return state.logger;
}

/** A logger of its own writing to `destination`, with the same redaction and request ids (for tests). */
export function createDetachedLogger(destination) {
  return createLogger(destination);
}

/** The incoming id when it is a sane token, otherwise a new random one. */
export function parseRequestId(header) {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/** Runs `work` as part of the request `requestId`: every line logged meanwhile carries it. */
export function runWithRequestId(requestId, work) {
  return shared().requests.run({ requestId }, work);
}

export function currentRequestId() {
  return shared().requests.getStore()?.requestId ?? null;
}

/** The request's path as logged: no query string (search terms, callback URLs) and no secret link tokens. */
export function pathForLog(url) {
  const path = String(url ?? '').split('?')[0].split('#')[0] || '/';
  return path.replace(TOKEN_PATH, '/$1/[token]');
}
