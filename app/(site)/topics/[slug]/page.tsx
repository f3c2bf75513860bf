import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/site/ArticleList';
import { AuthorCardView } from '@/components/site/AuthorCardView';
import { JsonLd } from '@/components/site/JsonLd';
import { Pagination } from '@/components/site/Pagination';
import { listPublishedArticles } from '@/lib/data/articles';
import { listTopicExperts } from '@/lib/data/authors';
import { parsePageParam } from '@/lib/data/slugs';
import { getTopicBySlug } from '@/lib/data/topics';
import { topicFeedAlternates } from '@/lib/feeds/discovery';
import { siteOpenGraph } from '@/lib/seo/metadata';
import { breadcrumbJsonLd } from '@/lib/seo/structured-data';
import { getSiteConfig } from '@/lib/site';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const topic = await getTopicBySlug(slug);
  if (!topic) return {};
  return {
    title: topic.name,
    description: topic.description || `Analysis on ${topic.name}`,
    alternates: { canonical: `/topics/${topic.slug}`, types: topicFeedAlternates(topic) },
    openGraph: { ...siteOpenGraph(), type: 'website', title: topic.name, url: `/topics/${topic.slug}` },
    twitter: { card: 'summary', title: topic.name },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  const topic = await getTopicBySlug(slug);
  if (!topic) notFound();
  const [articles, experts] = await Promise.all([listPublishedArticles(page, { topicSlug: topic.slug }), listTopicExperts(topic.slug)]);
  if (page > articles.pageCount) notFound();
  const site = getSiteConfig();

  return (
    <div className="grid gap-12 lg:grid-cols-[1fr_18rem]">
      <JsonLd data={breadcrumbJsonLd([{ name: site.name, path: '/' }, { name: topic.name, path: `/topics/${topic.slug}` }], site)} />
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">{topic.kind === 'REGION' ? 'Region' : 'Theme'}</p>
        <h1 className="font-serif text-4xl font-bold">{topic.name}</h1>
        {topic.description ? <p className="mt-3 max-w-2xl font-serif text-lg text-stone-700 dark:text-stone-300">{topic.description}</p> : null}
        <section aria-labelledby="topic-articles" className="mt-8">
          <h2 id="topic-articles" className="mb-4 font-serif text-2xl font-bold">Articles</h2>
          <ArticleList articles={articles.items} headingLevel={3} emptyText="No articles on this topic yet." />
          <Pagination page={articles.page} pageCount={articles.pageCount} morePages={articles.totalIsLowerBound} basePath={`/topics/${topic.slug}`} />
        </section>
      </div>
      <aside aria-labelledby="topic-experts">
        <h2 id="topic-experts" className="mb-4 font-serif text-2xl font-bold">Experts</h2>
        {experts.length === 0 ? <p>No experts listed yet.</p> : (
          <ul className="space-y-4">
            {experts.map((author) => <li key={author.slug}><AuthorCardView author={author} headingLevel={3} /></li>)}
          </ul>
        )}
      </aside>
    </div>
  );
}
