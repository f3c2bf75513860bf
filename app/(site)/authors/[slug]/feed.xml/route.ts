import { RSS_CONTENT_TYPE } from '@/lib/feeds/feed-xml';
import { buildAuthorFeed } from '@/lib/feeds/site-feeds';
import { notFoundResponse, xmlResponse } from '@/lib/feeds/xml-response';
import { absoluteUrl } from '@/lib/site';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const feed = await buildAuthorFeed(slug);
  if (!feed) return notFoundResponse();
  if ('redirectTo' in feed) return Response.redirect(absoluteUrl(feed.redirectTo), 308);
  return xmlResponse(request, feed.xml, RSS_CONTENT_TYPE);
}
