import { createHash } from 'node:crypto';

// HTTP responses of feeds and sitemaps. Like the public pages, they may be shared for one second (the micro-cache
// in scripts/server.mjs, a CDN), so a publication shows within a second; clients revalidate every time and,
// with the ETag, a feed reader polling an unchanged feed gets a bodiless 304.

const PUBLIC_XML_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, must-revalidate';
export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function matchesAny(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === tag;
  });
}

export function xmlResponse(request: Request, body: string, contentType: string): Response {
  const etag = entityTag(body);
  const headers = { 'Content-Type': contentType, 'Cache-Control': PUBLIC_XML_CACHE_CONTROL, ETag: etag };
  if (matchesAny(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
