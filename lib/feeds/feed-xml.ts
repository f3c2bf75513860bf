import { Feed, type Item } from 'feed';
import { escapeHtmlText, stripNonXmlCharacters } from './xml-text';

// RSS 2.0 and Atom 1.0 documents from plain channel and entry data, written by the `feed` library.

export type FeedChannel = {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Atom's permanent feed id. */
  id: string;
  language: string;
  /** Atom's scheme for category terms (topic slugs): the URL they extend. */
  categoryScheme: string;
};

export type FeedEntry = {
  guid: string;
  title: string;
  url: string;
  lead: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: { name: string; url: string }[];
  categories: { name: string; slug: string; url: string }[];
};

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

// The feed's date is its newest entry's (the epoch when it has none), so the document and its ETag change only
// when the content does.
function lastUpdate(entries: FeedEntry[]): Date {
  return new Date(Math.max(0, ...entries.map((entry) => entry.updated.getTime())));
}

function newFeed(channel: FeedChannel, entries: FeedEntry[], feedLink: 'rss' | 'atom'): Feed {
  return new Feed({
    id: channel.id,
    title: stripNonXmlCharacters(channel.title),
    description: stripNonXmlCharacters(channel.description),
    link: channel.pageUrl,
    language: channel.language,
    updated: lastUpdate(entries),
    generator: false,
    feedLinks: { [feedLink]: channel.feedUrl },
  });
}

// The library writes titles as CDATA and splits only the first "]]>" of a section; a later one would end it.
function cdataText(text: string): string {
  return stripNonXmlCharacters(text).replaceAll(']]>', ']]\u200B>');
}

function item(entry: FeedEntry, title: string): Item {
  return {
    guid: entry.guid,
    id: entry.guid,
    link: entry.url,
    title,
    description: escapeHtmlText(entry.lead),
    content: entry.contentHtml,
    date: entry.updated,
    published: entry.published,
  };
}

/**
 * RSS 2.0. RSS's own <author> must be an e-mail address, so every co-author is a Dublin Core <dc:creator>
 * (the namespace comes with the content module, which every entry uses).
 */
export function renderRss(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = newFeed(channel, entries, 'rss');
  for (const entry of entries) {
    // An array becomes repeated elements, one <dc:creator> per co-author; the library's type expects one.
    const creators: unknown = entry.authors.map((author) => ({ _text: stripNonXmlCharacters(author.name) }));
    feed.addItem({
      ...item(entry, cdataText(entry.title)),
      category: entry.categories.map((category) => ({ name: stripNonXmlCharacters(category.name), domain: category.url })),
      extensions: [{ name: 'dc:creator', objects: creators as Record<string, unknown> }],
    });
  }
  return feed.rss2();
}

/** Atom 1.0, whose titles are typed as HTML. */
export function renderAtom(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = newFeed(channel, entries, 'atom');
  for (const entry of entries) {
    feed.addItem({
      ...item(entry, escapeHtmlText(entry.title)),
      author: entry.authors.map((author) => ({ name: stripNonXmlCharacters(author.name), link: author.url })),
      // The library escapes only "&" in attributes; a "<" would break the document, and a label does not need it.
      category: entry.categories.map((category) => ({ term: category.slug, name: stripNonXmlCharacters(category.name).replaceAll('<', ''), scheme: channel.categoryScheme })),
    });
  }
  return feed.atom1();
}
