import { buildNewsSitemap } from '@/lib/feeds/site-sitemaps';
import { SITEMAP_CONTENT_TYPE, xmlResponse } from '@/lib/feeds/xml-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return xmlResponse(request, await buildNewsSitemap(), SITEMAP_CONTENT_TYPE);
}
