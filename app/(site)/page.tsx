import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/site/ArticleCard';
import { ArticleList } from '@/components/site/ArticleList';
import { TopicLinks } from '@/components/site/TopicLinks';
import { getHomeFeed } from '@/lib/data/home';
import { listTopics } from '@/lib/data/topics';
import { siteFeedAlternates } from '@/lib/feeds/discovery';
import { siteOpenGraph } from '@/lib/seo/metadata';

// Rendered per request from cached reads: `next build` never needs the database.
export const dynamic = 'force-dynamic';

// Title and description come from the root layout; Open Graph and Twitter cards inherit them.
export function generateMetadata(): Metadata {
  return {
    alternates: { canonical: '/', types: siteFeedAlternates() },
    openGraph: { ...siteOpenGraph(), type: 'website', url: '/' },
    twitter: { card: 'summary' },
  };
}

export default async function HomePage() {
  const [feed, topics] = await Promise.all([getHomeFeed(), listTopics()]);
  return (
    <div className="grid gap-12 lg:grid-cols-[1fr_16rem]">
      <div>
        <h1 className="sr-only">Latest analysis</h1>
        {feed.lead ? (
          <section aria-label="Lead story" className="mb-10">
            <ArticleCard article={feed.lead} featured />
          </section>
        ) : (
          <p>Nothing has been published yet.</p>
        )}
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="mb-4 font-serif text-2xl font-bold">Latest</h2>
          <ArticleList articles={feed.latest} headingLevel={3} />
          <p className="mt-8">
            <Link href="/articles" className="font-medium text-accent-700 hover:underline dark:text-accent-300">All articles →</Link>
          </p>
        </section>
      </div>
      <aside className="space-y-8">
        <section aria-labelledby="regions-heading">
          <h2 id="regions-heading" className="mb-3 font-serif text-xl font-bold">Regions</h2>
          <TopicLinks topics={topics.filter((topic) => topic.kind === 'REGION')} label="Regions" />
        </section>
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading" className="mb-3 font-serif text-xl font-bold">Themes</h2>
          <TopicLinks topics={topics.filter((topic) => topic.kind === 'THEME')} label="Themes" />
        </section>
      </aside>
    </div>
  );
}
