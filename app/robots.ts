import type { MetadataRoute } from 'next';
import { sitemapPaths } from '@/lib/feeds/paths';
import { absoluteUrl } from '@/lib/site';
import { signedInPathPrefixes } from '@/lib/security-headers.js';

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [...signedInPathPrefixes.map((prefix) => `/${prefix}`), '/preview', '/api/'],
    },
    sitemap: [absoluteUrl(sitemapPaths.root), absoluteUrl(sitemapPaths.news)],
  };
}
