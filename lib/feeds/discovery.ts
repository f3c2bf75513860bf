import type { Metadata } from 'next';
import type { AuthorRef, TopicRef } from '@/lib/data/dto';
import { getSiteConfig } from '@/lib/site';
import { feedPaths } from './paths';

// Feed autodiscovery: <link rel="alternate"> from a page's metadata. Next replaces a parent segment's
// `alternates` rather than merging it, so a page that sets its own (a canonical URL) passes these again.

type AlternateTypes = NonNullable<NonNullable<Metadata['alternates']>['types']>;

/** A feed's title: the site's name, after the author or topic it follows. */
export function feedTitle(subject?: string): string {
  const siteName = getSiteConfig().name;
  return subject ? `${subject} | ${siteName}` : siteName;
}

function alternateTypes(ownFeed?: { title: string; url: string }): AlternateTypes {
  return {
    // The page's own feed first: readers offered several subscribe to the first.
    'application/rss+xml': [...(ownFeed ? [ownFeed] : []), { title: feedTitle(), url: feedPaths.site }],
    'application/atom+xml': [{ title: feedTitle(), url: feedPaths.atom }],
  };
}

export function siteFeedAlternates(): AlternateTypes {
  return alternateTypes();
}

export function authorFeedAlternates(author: AuthorRef): AlternateTypes {
  return alternateTypes({ title: feedTitle(author.name), url: feedPaths.author(author.slug) });
}

export function topicFeedAlternates(topic: Pick<TopicRef, 'slug' | 'name'>): AlternateTypes {
  return alternateTypes({ title: feedTitle(topic.name), url: feedPaths.topic(topic.slug) });
}
