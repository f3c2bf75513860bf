import { RSS_CONTENT_TYPE } from '@/lib/feeds/feed-xml';
import { buildTopicFeed } from '@/lib/feeds/site-feeds';
import { notFoundResponse, xmlResponse } from '@/lib/feeds/xml-response';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const xml = await buildTopicFeed(slug);
  return xml === null ? notFoundResponse() : xmlResponse(request, xml, RSS_CONTENT_TYPE);
}
