// Security headers, shared by next.config.js (every response) and proxy.ts (signed-in pages, with nonces).
// Plain JavaScript so next.config.js can load it.

const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Public pages are cached and shared by every reader, so they cannot carry a per-request nonce; their
 * scripts are limited to this origin plus Next's inline bootstrap (see docs/SECURITY.md).
 */
export const publicContentSecurityPolicy = [...common, "script-src 'self' 'unsafe-inline'"].join('; ');

/** Signed-in pages: scripts run only with this request's nonce. */
export function nonceContentSecurityPolicy(nonce, { development = false } = {}) {
  return [...common, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`].join('; ');
}

export const baselineHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Browsers ignore HSTS received over plain http, so sending it always is safe and covers https deployments.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

/**
 * Public reading pages are the same for every reader, so the micro-cache in scripts/server.mjs may share them
 * for a second even when Next renders them per request.
 */
export const SHARED_MAX_AGE_HEADER = 'x-dispatch-shared-max-age';

/** Paths whose pages get the nonce policy from proxy.ts instead of the public one. */
export const signedInPathPrefixes = ['editor', 'profile', 'login', 'setup', 'invite', 'reset', 'logout'];
