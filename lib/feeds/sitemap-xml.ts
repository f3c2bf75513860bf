import { escapeXml } from './xml-text';

// Sitemap documents: the sitemaps.org protocol (urlset and sitemap index) and Google News' extension.

export type SitemapUrl = { url: string; lastModified?: string };
export type NewsSitemapUrl = { url: string; title: string; language: string; publishedAt: string };

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

export function renderUrlset(urls: SitemapUrl[]): string {
  const entries = urls.map(
    ({ url, lastModified }) => `<url>${element('loc', url)}${lastModified ? element('lastmod', lastModified) : ''}</url>`,
  );
  return [DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}">`, ...entries, '</urlset>'].join('\n');
}

export function renderSitemapIndex(sitemapUrls: string[]): string {
  const entries = sitemapUrls.map((url) => `<sitemap>${element('loc', url)}</sitemap>`);
  return [DECLARATION, `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`, ...entries, '</sitemapindex>'].join('\n');
}

export function renderNewsSitemap(publicationName: string, articles: NewsSitemapUrl[]): string {
  const entries = articles.map(
    (article) =>
      `<url>${element('loc', article.url)}<news:news><news:publication>${element('news:name', publicationName)}` +
      `${element('news:language', article.language)}</news:publication>` +
      `${element('news:publication_date', article.publishedAt)}${element('news:title', article.title)}</news:news></url>`,
  );
  return [DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">`, ...entries, '</urlset>'].join('\n');
}
