import { buildChildSitemap } from '@/lib/feeds/site-sitemaps';
import { notFoundResponse, SITEMAP_CONTENT_TYPE, xmlResponse } from '@/lib/feeds/xml-response';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ name: string }> };

export async function GET(request: Request, { params }: Context) {
  const { name } = await params;
  const xml = await buildChildSitemap(name);
  return xml === null ? notFoundResponse() : xmlResponse(request, xml, SITEMAP_CONTENT_TYPE);
}
