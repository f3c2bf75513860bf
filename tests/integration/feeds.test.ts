import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The RSS and Atom feeds as a real feed client reads them, built from a real PostgreSQL with the cache bypassed.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let feeds: typeof import('@/lib/feeds/site-feeds');
let siteUrl: string;

type Item = { creators?: string[]; 'content:encoded'?: string; author?: string; id?: string };
const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
// rss-parser keeps a <category> with attributes as the XML object it parsed.
const categoryNames = (item: Parser.Item) => (item.categories as unknown as (string | { _: string })[]).map((category) => (typeof category === 'string' ? category : category._));

const DAY = 24 * 60 * 60 * 1000;
const BULK_ARTICLES = 55;
const now = Date.now();
const ids: Record<string, string> = {};

const paragraph = (text: string, marks: { type: string; attrs?: Record<string, string> }[] = []) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, marks }],
});

async function seed() {
  const arctic = await prisma.topic.create({ data: { slug: 'arctic', name: 'Arctic', kind: 'REGION', description: 'The High North.' } });
  const shipping = await prisma.topic.create({ data: { slug: 'shipping', name: 'Shipping', kind: 'THEME' } });
  await prisma.topic.create({ data: { slug: 'proposed-term', name: 'Proposed', kind: 'THEME', status: 'PROPOSED' } });
  const ines = await prisma.author.create({ data: { slug: 'ines-moreau', name: 'Ines Moreau', sortName: 'Moreau, Ines' } });
  const guest = await prisma.author.create({ data: { slug: 'guest-writer', name: 'Guest Writer', sortName: 'Writer, Guest' } });
  await prisma.authorSlugRedirect.create({ data: { slug: 'ines-old-slug', authorId: ines.id } });

  const make = async (
    slug: string,
    status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED',
    publishedAt: Date | null,
    extra: { title?: string; lead?: string; body?: unknown; authors?: string[]; topics?: string[]; contentUpdatedAt?: Date; canonicalToOriginal?: boolean } = {},
  ) => {
    const article = await prisma.article.create({
      data: {
        slug,
        status,
        title: extra.title ?? `Title ${slug}`,
        lead: extra.lead ?? `Lead ${slug}`,
        body: extra.body ?? { type: 'doc', content: [paragraph(`Body of ${slug}`)] },
        publishedAt,
        contentUpdatedAt: extra.contentUpdatedAt ?? null,
        ...(extra.canonicalToOriginal ? { canonicalPolicy: 'ORIGINAL' as const, originalOutlet: 'Elsewhere', originalUrl: 'https://example.org/original' } : {}),
        authors: { create: (extra.authors ?? [ines.id]).map((authorId, position) => ({ authorId, position })) },
        topics: { create: (extra.topics ?? [arctic.id]).map((topicId) => ({ topicId })) },
      },
    });
    ids[slug] = article.id;
  };

  await make('co-written', 'PUBLISHED', new Date(now - DAY), {
    title: 'Ice roads & the <Northern> route',
    lead: 'Why R&D matters <now>.',
    authors: [ines.id, guest.id],
    topics: [arctic.id, shipping.id],
    contentUpdatedAt: new Date(now - DAY / 2),
    body: {
      type: 'doc',
      content: [
        paragraph('Bold claim', [{ type: 'bold' }]),
        paragraph('a source', [{ type: 'link', attrs: { href: 'https://example.org/source' } }]),
        { type: 'image', attrs: { src: '/media/2026/ice.jpg', alt: 'Sea ice', caption: 'Ice' } },
        paragraph('<script>alert(1)</script>'),
      ],
    },
  });
  await make('scheduled-due', 'SCHEDULED', new Date(now - 60_000));
  await make('hostile-title', 'PUBLISHED', new Date(now - 2 * DAY), { title: 'Bad \u0001bytes ]]> twice ]]> end', lead: 'Lead ]]> with \u0008\uFFFE odd characters' });
  await make('republished', 'PUBLISHED', new Date(now - 3 * DAY), { canonicalToOriginal: true });
  await make('empty-body', 'PUBLISHED', new Date(now - 4 * DAY), { body: { type: 'doc', content: [] }, authors: [guest.id], topics: [shipping.id] });
  await make('scheduled-later', 'SCHEDULED', new Date(now + DAY));
  await make('future-dated', 'PUBLISHED', new Date(now + DAY));
  await make('a-draft', 'DRAFT', null);
  await make('archived', 'ARCHIVED', new Date(now - 20 * DAY));
  for (let index = 0; index < BULK_ARTICLES; index++) {
    await make(`bulk-${index}`, 'PUBLISHED', new Date(now - (10 + index) * DAY), { authors: [guest.id], topics: [shipping.id] });
  }
}

beforeAll(async () => {
  const url = await useIsolatedDatabase();
  prisma = createScriptPrisma(url);
  await seed();
  feeds = await import('@/lib/feeds/site-feeds');
  siteUrl = (await import('@/lib/site')).getSiteConfig().url;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const HIDDEN = ['scheduled-later', 'future-dated', 'a-draft', 'archived'];
const guidOf = (slug: string) => `urn:dispatch:article:${ids[slug]}`;

describe('the site RSS feed', () => {
  it('has the 50 latest visible articles, newest first, each with title, link, date, authors, summary and content', async () => {
    const feed = await parser.parseString(await feeds.buildSiteFeed('rss'));
    expect(feed.title).toBe('Dispatch');
    expect(feed.link).toBe(`${siteUrl}/`);
    expect(feed.feedUrl).toBe(`${siteUrl}/feed.xml`);
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${siteUrl}/articles/[a-z0-9-]+$`));
      expect(item.guid).toMatch(/^urn:dispatch:article:[a-z0-9]+$/);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
      expect(item.creators?.length).toBeGreaterThan(0);
      expect(item.content).toBeTruthy();
      expect(item['content:encoded']).toMatch(/^<p>/);
    }
    const dates = feed.items.map((item) => Date.parse(item.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(feed.items.slice(0, 4).map((item) => item.guid)).toEqual(['scheduled-due', 'co-written', 'hostile-title', 'republished'].map(guidOf));
  });

  it('leaves out drafts, archived articles and those dated in the future', async () => {
    const guids = (await parser.parseString(await feeds.buildSiteFeed('rss'))).items.map((item) => item.guid);
    for (const slug of HIDDEN) expect(guids).not.toContain(guidOf(slug));
  });

  it('gives an item every co-author, its topics, the escaped lead and the rendered body with absolute URLs', async () => {
    const feed = await parser.parseString(await feeds.buildSiteFeed('rss'));
    const item = feed.items.find((candidate) => candidate.guid === guidOf('co-written'))!;
    expect(item.title).toBe('Ice roads & the <Northern> route');
    expect(item.link).toBe(`${siteUrl}/articles/co-written`);
    expect(new Date(item.pubDate!).getTime()).toBe(Math.floor((now - DAY) / 1000) * 1000);
    expect(item.creators).toEqual(['Ines Moreau', 'Guest Writer']);
    expect(categoryNames(item)).toEqual(['Arctic', 'Shipping']);
    expect(item.content).toBe('Why R&amp;D matters &lt;now&gt;.');
    expect(item['content:encoded']).toBe(
      '<p><strong>Bold claim</strong></p><p><a href="https://example.org/source" rel="noopener noreferrer">a source</a></p>' +
        `<figure><img src="${siteUrl}/media/2026/ice.jpg" alt="Sea ice" loading="lazy" decoding="async"/><figcaption>Ice</figcaption></figure>` +
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('stays readable when stored text holds characters XML forbids or ends CDATA sections', async () => {
    const feed = await parser.parseString(await feeds.buildSiteFeed('rss'));
    const item = feed.items.find((candidate) => candidate.guid === guidOf('hostile-title'))!;
    expect(item.title?.replace(/\u200B/g, '')).toBe('Bad bytes ]]> twice ]]> end');
    expect(item.content).toBe('Lead ]]&gt; with  odd characters');
  });

  it('carries the lead as content when a body renders to nothing', async () => {
    const feed = await parser.parseString(await feeds.buildSiteFeed('rss'));
    const item = feed.items.find((candidate) => candidate.guid === guidOf('empty-body'))!;
    expect(item['content:encoded']).toBe('<p>Lead empty-body</p>');
    expect(item.creators).toEqual(['Guest Writer']);
  });

  it('keeps the same XML while nothing changes, so its ETag does too', async () => {
    expect(await feeds.buildSiteFeed('rss')).toBe(await feeds.buildSiteFeed('rss'));
  });
});

describe('the site Atom feed', () => {
  it('has the same 50 entries with authors, publication and update dates, summary and content', async () => {
    const xml = await feeds.buildSiteFeed('atom');
    const feed = await parser.parseString(xml);
    expect(feed.link).toBe(`${siteUrl}/`);
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${siteUrl}/articles/[a-z0-9-]+$`));
      expect(item.id).toMatch(/^urn:dispatch:article:[a-z0-9]+$/);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
      expect(item.author).toBeTruthy();
      expect(item.content).toMatch(/^<p>/);
      expect(item.summary).toBeTruthy();
    }
    const item = feed.items.find((candidate) => candidate.id === guidOf('co-written'))!;
    expect(item.title).toBe('Ice roads &amp; the &lt;Northern&gt; route');
    expect(item.author).toBe('Ines Moreau');
    expect(xml).toContain('<name>Guest Writer</name>');
    expect(xml).toContain(`<uri>${siteUrl}/authors/guest-writer</uri>`);
    expect(xml).toContain(`<updated>${new Date(now - DAY / 2).toISOString()}</updated>`);
    expect(xml).toContain(`<category label="Shipping" scheme="${siteUrl}/topics/" term="shipping"/>`);
  });
});

describe('author and topic feeds', () => {
  it("lists an author's articles, co-written ones included", async () => {
    const found = await feeds.buildAuthorFeed('ines-moreau');
    if (!found || !('xml' in found)) throw new Error('expected a feed');
    const feed = await parser.parseString(found.xml);
    expect(feed.title).toBe('Ines Moreau | Dispatch');
    expect(feed.link).toBe(`${siteUrl}/authors/ines-moreau`);
    expect(feed.items.map((item) => item.guid)).toEqual(['scheduled-due', 'co-written', 'hostile-title', 'republished'].map(guidOf));
  });

  it('caps an author feed at 50 items', async () => {
    const found = await feeds.buildAuthorFeed('guest-writer');
    if (!found || !('xml' in found)) throw new Error('expected a feed');
    const items = (await parser.parseString(found.xml)).items;
    expect(items).toHaveLength(50);
    expect(items[0]!.guid).toBe(guidOf('co-written'));
  });

  it('redirects an old author slug to the current feed, and knows no unknown or malformed slug', async () => {
    expect(await feeds.buildAuthorFeed('ines-old-slug')).toEqual({ redirectTo: '/authors/ines-moreau/feed.xml' });
    expect(await feeds.buildAuthorFeed('nobody')).toBeNull();
    expect(await feeds.buildAuthorFeed('../etc')).toBeNull();
  });

  it("lists a topic's articles and knows no unknown or unapproved topic", async () => {
    const xml = await feeds.buildTopicFeed('arctic');
    const feed = await parser.parseString(xml!);
    expect(feed.title).toBe('Arctic | Dispatch');
    expect(feed.description).toBe('The High North.');
    expect(feed.items.map((item) => item.guid)).toEqual(['scheduled-due', 'co-written', 'hostile-title', 'republished'].map(guidOf));
    expect(await feeds.buildTopicFeed('proposed-term')).toBeNull();
    expect(await feeds.buildTopicFeed('no-such-topic')).toBeNull();
  });
});

describe('feed responses', () => {
  it('answers with the content type and the shared one-second cache, and 304 to a matching If-None-Match', async () => {
    const { xmlResponse } = await import('@/lib/feeds/xml-response');
    const { RSS_CONTENT_TYPE } = await import('@/lib/feeds/feed-xml');
    const first = xmlResponse(new Request(`${siteUrl}/feed.xml`), '<rss/>', RSS_CONTENT_TYPE);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1, must-revalidate');
    const etag = first.headers.get('etag')!;
    const revalidated = xmlResponse(new Request(`${siteUrl}/feed.xml`, { headers: { 'If-None-Match': `W/"other", ${etag}` } }), '<rss/>', RSS_CONTENT_TYPE);
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const changed = xmlResponse(new Request(`${siteUrl}/feed.xml`, { headers: { 'If-None-Match': etag } }), '<rss></rss>', RSS_CONTENT_TYPE);
    expect(changed.status).toBe(200);
  });
});
