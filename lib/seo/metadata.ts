import type { Metadata } from 'next';
import { fillMetadataSegment } from 'next/dist/lib/metadata/get-metadata-route';
import { getSiteConfig } from '@/lib/site';

type OpenGraph = NonNullable<Metadata['openGraph']>;

/**
 * The Open Graph fields every public page repeats: Next merges metadata shallowly, so a page's `openGraph`
 * replaces the root layout's whole object, site name and locale included.
 */
export function siteOpenGraph(): Pick<OpenGraph, 'siteName' | 'locale'> {
  const site = getSiteConfig();
  return { siteName: site.name, locale: site.locale.replace('-', '_') };
}

/**
 * The address of an article's generated sharing image (app/(site)/articles/[slug]/opengraph-image.tsx), as
 * Next builds it for the og:image tag, so JSON-LD can name the same image. The e2e test checks they agree.
 */
export function articleSocialImagePath(slug: string): string {
  return fillMetadataSegment('/(site)/articles/[slug]', { slug }, 'opengraph-image', false);
}
