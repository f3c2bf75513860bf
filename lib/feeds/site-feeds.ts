import 'server-only';
import { unstable_cache } from 'next/cache';
import { getAuthorFeedContent, getFeedArticleBodies, getFeedArticleBody, getTopicFeedContent, listSiteFeedArticles, type FeedArticle } from '@/lib/data/feeds';
import { getEnv } from '@/lib/env';
import { absoluteUrl, getSiteConfig } from '@/lib/site';
import { renderArticleHtml } from './article-html';
import { feedTitle } from './discovery';
import { renderAtom, renderRss, type FeedChannel, type FeedEntry } from './feed-xml';
import { feedPaths } from './paths';
import { escapeHtmlText } from './xml-text';

// The site's feeds: RSS and Atom for everything, RSS per author and per topic.

/**
 * An item's permanent id. Slugs change (the old ones redirect) but an article's id never does, and with no host
 * in it a move to another domain does not make feed readers show every item again as new.
 */
function articleGuid(articleId: string): string {
  return `urn:dispatch:article:${articleId}`;
}

export type AuthorFeed = { xml: string } | { redirectTo: string } | null;

const ONE_DAY_SECONDS = 24 * 60 * 60;

async function renderFeedBody(id: string, siteUrl: string): Promise<string | null> {
  const body = await getFeedArticleBody(id);
  return body ? renderArticleHtml(body, siteUrl) : null;
}

/**
 * Each item's body as HTML, or null once it is not public. With the data cache on, a body is kept rendered per
 * article version, untagged: a publish expires the feed lists (tagged 'public') and with them what is shown, but
 * leaves the other items, whose versions did not change, rendered; a kept body of an article no longer listed is
 * never shown. With it off (PUBLIC_CACHE=off), every body is read in one query and rendered.
 */
async function feedBodiesHtml(articles: FeedArticle[]): Promise<(string | null)[]> {
  const siteUrl = getSiteConfig().url;
  if (getEnv().PUBLIC_CACHE === 'off') {
    const bodies = await getFeedArticleBodies(articles.map((article) => article.id));
    return Promise.all(articles.map(async (article) => {
      const body = bodies.get(article.id);
      return body ? renderArticleHtml(body, siteUrl) : null;
    }));
  }
  return Promise.all(
    articles.map((article) => unstable_cache(renderFeedBody, ['feed-body-html', article.version], { revalidate: ONE_DAY_SECONDS })(article.id, siteUrl)),
  );
}

function toEntry(article: FeedArticle, bodyHtml: string | null): FeedEntry | null {
  // Unpublished between the list and this read.
  if (bodyHtml === null) return null;
  const published = new Date(article.publishedAt);
  const contentUpdated = article.updatedAt ? new Date(article.updatedAt) : published;
  return {
    guid: articleGuid(article.id),
    title: article.title,
    url: absoluteUrl(`/articles/${article.slug}`),
    lead: article.lead,
    // Never empty: the RSS writer declares the namespaces of <dc:creator> only for entries with content.
    contentHtml: bodyHtml || `<p>${escapeHtmlText(article.lead)}</p>`,
    published,
    updated: contentUpdated > published ? contentUpdated : published,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(`/authors/${author.slug}`) })),
    categories: article.topics.map((topic) => ({ name: topic.name, slug: topic.slug, url: absoluteUrl(`/topics/${topic.slug}`) })),
  };
}

async function toEntries(articles: FeedArticle[]): Promise<FeedEntry[]> {
  const bodies = await feedBodiesHtml(articles);
  return articles.flatMap((article, index) => {
    const entry = toEntry(article, bodies[index] ?? null);
    return entry ? [entry] : [];
  });
}

function channel(title: string, description: string, pagePath: string, feedPath: string): FeedChannel {
  return {
    title,
    description,
    pageUrl: absoluteUrl(pagePath),
    feedUrl: absoluteUrl(feedPath),
    id: absoluteUrl(feedPath),
    language: getSiteConfig().locale,
    categoryScheme: absoluteUrl('/topics/'),
  };
}

/** The site's RSS (/feed.xml) or Atom (/atom.xml) feed of the latest articles. */
export async function buildSiteFeed(format: 'rss' | 'atom'): Promise<string> {
  const entries = await toEntries(await listSiteFeedArticles());
  const feedChannel = channel(feedTitle(), getSiteConfig().description, '/', format === 'rss' ? feedPaths.site : feedPaths.atom);
  return format === 'rss' ? renderRss(feedChannel, entries) : renderAtom(feedChannel, entries);
}

/** One author's RSS feed; a redirect from an old slug; null for no such author. */
export async function buildAuthorFeed(rawSlug: string): Promise<AuthorFeed> {
  const found = await getAuthorFeedContent(rawSlug);
  if (!found) return null;
  if ('redirectTo' in found) return { redirectTo: feedPaths.author(found.redirectTo) };
  const { author, articles } = found;
  const entries = await toEntries(articles);
  const feedChannel = channel(feedTitle(author.name), `Articles by ${author.name}`, `/authors/${author.slug}`, feedPaths.author(author.slug));
  return { xml: renderRss(feedChannel, entries) };
}

/** One region's or theme's RSS feed; null for no such topic. */
export async function buildTopicFeed(rawSlug: string): Promise<string | null> {
  const found = await getTopicFeedContent(rawSlug);
  if (!found) return null;
  const { topic, articles } = found;
  const entries = await toEntries(articles);
  const description = topic.description || `Analysis on ${topic.name}`;
  const feedChannel = channel(feedTitle(topic.name), description, `/topics/${topic.slug}`, feedPaths.topic(topic.slug));
  return renderRss(feedChannel, entries);
}
