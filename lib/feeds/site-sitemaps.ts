import 'server-only';
import { z } from 'zod';
import {
  getSitemapLayout,
  listNewsSitemapArticles,
  listSitemapArticles,
  listSitemapAuthors,
  listSitemapTopics,
  SITEMAP_MAX_URLS,
} from '@/lib/data/sitemaps';
import { absoluteUrl, getSiteConfig } from '@/lib/site';
import { sitemapPaths } from './paths';
import { renderNewsSitemap, renderSitemapIndex, renderUrlset, type SitemapUrl } from './sitemap-xml';

// /sitemap.xml lists every public page while they fit in one sitemap (the protocol allows 50,000 URLs);
// past that it becomes an index of /sitemaps/pages.xml, /sitemaps/authors-<n>.xml and /sitemaps/articles-<n>.xml.

const LISTING_PATHS = ['/', '/articles', '/authors'];

async function pageUrls(limit: number): Promise<SitemapUrl[]> {
  const topics = await listSitemapTopics(Math.max(0, limit - LISTING_PATHS.length));
  return [...LISTING_PATHS, ...topics.map((topic) => `/topics/${topic.slug}`)].map((path) => ({ url: absoluteUrl(path) }));
}

async function authorUrls(startId: string | null, pageSize: number): Promise<SitemapUrl[]> {
  const authors = await listSitemapAuthors(startId, pageSize);
  return authors.map((author) => ({ url: absoluteUrl(`/authors/${author.slug}`), lastModified: author.lastModified }));
}

async function articleUrls(startId: string | null, pageSize: number): Promise<SitemapUrl[]> {
  const articles = await listSitemapArticles(startId, pageSize);
  return articles.map((article) => ({ url: absoluteUrl(`/articles/${article.slug}`), lastModified: article.lastModified }));
}

/** /sitemap.xml: one urlset while every URL fits in `pageSize`, else a sitemap index. */
export async function buildSitemap(pageSize = SITEMAP_MAX_URLS): Promise<string> {
  const layout = await getSitemapLayout(pageSize);
  const total = LISTING_PATHS.length + layout.topicCount + layout.authorCount + layout.articleCount;
  if (total <= pageSize) {
    const sections = await Promise.all([pageUrls(pageSize), authorUrls(null, pageSize), articleUrls(null, pageSize)]);
    return renderUrlset(sections.flat());
  }
  const children = [
    sitemapPaths.pages,
    ...layout.authorPageStarts.map((_, index) => sitemapPaths.authors(index + 1)),
    ...layout.articlePageStarts.map((_, index) => sitemapPaths.articles(index + 1)),
  ];
  return renderSitemapIndex(children.map(absoluteUrl));
}

const childSitemapName = z.union([
  z.literal('pages.xml').transform(() => ({ section: 'pages' as const, page: 1 })),
  z
    .string()
    .regex(/^(authors|articles)-[1-9]\d{0,5}\.xml$/)
    .transform((name) => {
      const [section, page] = name.slice(0, -'.xml'.length).split('-');
      return { section: section as 'authors' | 'articles', page: Number(page) };
    }),
]);

/** A child sitemap of the index by its file name (`pages.xml`, `articles-3.xml`); null for no such sitemap. */
export async function buildChildSitemap(name: string, pageSize = SITEMAP_MAX_URLS): Promise<string | null> {
  const parsed = childSitemapName.safeParse(name);
  if (!parsed.success) return null;
  const { section, page } = parsed.data;
  if (section === 'pages') return renderUrlset(await pageUrls(pageSize));
  const layout = await getSitemapLayout(pageSize);
  const startId = (section === 'authors' ? layout.authorPageStarts : layout.articlePageStarts)[page - 1];
  if (!startId) return null;
  return renderUrlset(await (section === 'authors' ? authorUrls : articleUrls)(startId, pageSize));
}

/** /news-sitemap.xml: Google News' sitemap of the articles published in the last two days. */
export async function buildNewsSitemap(): Promise<string> {
  const articles = await listNewsSitemapArticles();
  return renderNewsSitemap(
    getSiteConfig().name,
    articles.map((article) => ({ ...article, url: absoluteUrl(`/articles/${article.slug}`) })),
  );
}
