import { buildSiteFeed } from '@/lib/feeds/site-feeds';
import { RSS_CONTENT_TYPE } from '@/lib/feeds/feed-xml';
import { xmlResponse } from '@/lib/feeds/xml-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return xmlResponse(request, await buildSiteFeed('rss'), RSS_CONTENT_TYPE);
}
