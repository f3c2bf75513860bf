import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The sitemap, its split into an index of pages, the Google News sitemap and robots.txt, on a real PostgreSQL.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let sitemaps: typeof import('@/lib/feeds/site-sitemaps');
let siteUrl: string;

const DAY = 24 * 60 * 60 * 1000;
const BULK_ARTICLES = 23;
const now = Date.now();

async function seed() {
  const arctic = await prisma.topic.create({ data: { slug: 'arctic', name: 'Arctic', kind: 'REGION' } });
  await prisma.topic.create({ data: { slug: 'shipping', name: 'Shipping', kind: 'THEME' } });
  await prisma.topic.create({ data: { slug: 'proposed-term', name: 'Proposed', kind: 'THEME', status: 'PROPOSED' } });
  const ines = await prisma.author.create({ data: { slug: 'ines-moreau', name: 'Ines Moreau', sortName: 'Moreau, Ines' } });
  await prisma.author.create({ data: { slug: 'unpublished-guest', name: 'Unpublished Guest', sortName: 'Guest, Unpublished' } });
  const fellow = await prisma.author.create({ data: { slug: 'new-fellow', name: 'New Fellow', sortName: 'Fellow, New' } });
  await prisma.user.create({ data: { email: 'fellow@example.test', name: 'New Fellow', role: 'FELLOW', authorId: fellow.id } });

  const make = (slug: string, status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED', publishedAt: Date | null, extra: Record<string, unknown> = {}) =>
    prisma.article.create({
      data: {
        slug, status, title: `Title ${slug}`, body: { type: 'doc', content: [] }, publishedAt, ...extra,
        authors: { create: [{ authorId: ines.id, position: 0 }] },
        topics: { create: [{ topicId: arctic.id }] },
      },
    });
  await make('fresh-news', 'PUBLISHED', new Date(now - DAY), { title: 'Gas & <power> in the "Arctic"', language: 'ru', contentUpdatedAt: new Date(now - DAY / 2) });
  await make('scheduled-due', 'SCHEDULED', new Date(now - 60_000));
  await make('republished', 'PUBLISHED', new Date(now - DAY), { canonicalPolicy: 'ORIGINAL', originalOutlet: 'Elsewhere', originalUrl: 'https://example.org/a' });
  await make('scheduled-later', 'SCHEDULED', new Date(now + DAY));
  await make('a-draft', 'DRAFT', null);
  for (let index = 0; index < BULK_ARTICLES; index++) await make(`older-${index}`, 'PUBLISHED', new Date(now - (5 + index) * DAY));
}

beforeAll(async () => {
  const url = await useIsolatedDatabase();
  prisma = createScriptPrisma(url);
  await seed();
  sitemaps = await import('@/lib/feeds/site-sitemaps');
  siteUrl = (await import('@/lib/site')).getSiteConfig().url;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
const lastmodOf = (xml: string, url: string) => new RegExp(`<loc>${url}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
const VISIBLE_ARTICLES = ['fresh-news', 'scheduled-due', ...Array.from({ length: BULK_ARTICLES }, (_, index) => `older-${index}`)];

describe('the sitemap', () => {
  it('lists the listing pages, approved topics, authors with a public page and visible articles with lastmod', async () => {
    const xml = await sitemaps.buildSitemap();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const urls = locs(xml);
    expect(urls.slice(0, 3)).toEqual([`${siteUrl}/`, `${siteUrl}/articles`, `${siteUrl}/authors`]);
    expect(urls).toEqual(expect.arrayContaining([`${siteUrl}/topics/arctic`, `${siteUrl}/topics/shipping`, `${siteUrl}/authors/ines-moreau`, `${siteUrl}/authors/new-fellow`]));
    expect(urls.filter((url) => url.includes('/articles/')).sort()).toEqual(VISIBLE_ARTICLES.map((slug) => `${siteUrl}/articles/${slug}`).sort());
    for (const hidden of ['topics/proposed-term', 'authors/unpublished-guest', 'articles/republished', 'articles/scheduled-later', 'articles/a-draft']) {
      expect(urls).not.toContain(`${siteUrl}/${hidden}`);
    }
    expect(lastmodOf(xml, `${siteUrl}/articles/fresh-news`)).toBe(new Date(now - DAY / 2).toISOString());
    expect(lastmodOf(xml, `${siteUrl}/articles/older-0`)).toBe(new Date(now - 5 * DAY).toISOString());
  });

  it('becomes an index of child sitemaps once the URLs outnumber a page, each child bounded and together complete', async () => {
    const pageSize = 6;
    const single = locs(await sitemaps.buildSitemap());
    const index = await sitemaps.buildSitemap(pageSize);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const children = locs(index);
    const articlePages = Math.ceil(VISIBLE_ARTICLES.length / pageSize);
    expect(children).toEqual([
      `${siteUrl}/sitemaps/pages.xml`,
      `${siteUrl}/sitemaps/authors-1.xml`,
      ...Array.from({ length: articlePages }, (_, page) => `${siteUrl}/sitemaps/articles-${page + 1}.xml`),
    ]);
    const listed: string[] = [];
    for (const child of children) {
      const xml = await sitemaps.buildChildSitemap(child.split('/').pop()!, pageSize);
      const urls = locs(xml!);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(pageSize);
      listed.push(...urls);
    }
    expect(listed.sort()).toEqual([...single].sort());
  });

  it('knows no child sitemap past the last page or by another name', async () => {
    for (const name of ['articles-99.xml', 'articles-0.xml', 'articles-01.xml', 'authors-2.xml', 'pages', 'sitemap.xml', 'articles-1.xml.gz', '../x.xml']) {
      expect(await sitemaps.buildChildSitemap(name, 6)).toBeNull();
    }
  });
});

describe('the Google News sitemap', () => {
  it('lists only articles of the last two days, with publication, language, date and escaped title', async () => {
    const xml = await sitemaps.buildNewsSitemap();
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(locs(xml)).toEqual([`${siteUrl}/articles/scheduled-due`, `${siteUrl}/articles/fresh-news`]);
    expect(xml).toContain(
      `<url><loc>${siteUrl}/articles/fresh-news</loc><news:news><news:publication><news:name>Dispatch</news:name><news:language>ru</news:language></news:publication>` +
        `<news:publication_date>${new Date(now - DAY).toISOString()}</news:publication_date><news:title>Gas &amp; &lt;power&gt; in the &quot;Arctic&quot;</news:title></news:news></url>`,
    );
  });
});

describe('robots.txt', () => {
  it('points to both sitemaps and keeps crawlers out of the signed-in area, previews and the API', async () => {
    const robots = (await import('@/app/robots')).default();
    expect(robots.sitemap).toEqual([`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`]);
    const rules = Array.isArray(robots.rules) ? robots.rules[0]! : robots.rules;
    expect(rules.userAgent).toBe('*');
    expect(rules.disallow).toEqual(expect.arrayContaining(['/editor', '/profile', '/preview', '/login', '/api/']));
  });
});
