import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/site/ArticleList';
import { Pagination } from '@/components/site/Pagination';
import { listPublishedArticles } from '@/lib/data/articles';
import { listTopics } from '@/lib/data/topics';
import { parsePageParam } from '@/lib/data/slugs';
import { siteFeedAlternates } from '@/lib/feeds/discovery';
import { siteOpenGraph } from '@/lib/seo/metadata';
import { getSiteConfig } from '@/lib/site';

export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  const title = 'All articles';
  const description = `Every analysis published by ${getSiteConfig().name}, newest first.`;
  return {
    title,
    description,
    alternates: { canonical: '/articles', types: siteFeedAlternates() },
    openGraph: { ...siteOpenGraph(), type: 'website', title, description, url: '/articles' },
    twitter: { card: 'summary', title, description },
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

export default async function ArticlesPage({ searchParams }: Props) {
  const query = await searchParams;
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  const topicSlug = single(query.topic);
  const authorSlug = single(query.author);
  const [result, topics] = await Promise.all([listPublishedArticles(page, { topicSlug, authorSlug }), listTopics()]);
  if (page > result.pageCount) notFound();
  const topic = topics.find((candidate) => candidate.slug === topicSlug);

  return (
    <div>
      <h1 className="font-serif text-4xl font-bold">{topic ? `Articles on ${topic.name}` : 'All articles'}</h1>
      <form method="get" action="/articles" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Topic</span>
          <select name="topic" defaultValue={topicSlug ?? ''} className="rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900">
            <option value="">All topics</option>
            {topics.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>{candidate.name}</option>
            ))}
          </select>
        </label>
        {authorSlug ? <input type="hidden" name="author" value={authorSlug} /> : null}
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-medium text-white dark:bg-stone-100 dark:text-ink">Filter</button>
      </form>
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        {result.totalIsLowerBound ? `More than ${result.total.toLocaleString('en')} articles, newest first` : `${result.total.toLocaleString('en')} articles`}
      </p>
      <div className="mt-6">
        <ArticleList articles={result.items} emptyText="No articles match this filter." />
      </div>
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        morePages={result.totalIsLowerBound}
        basePath="/articles"
        query={{ ...(topicSlug ? { topic: topicSlug } : {}), ...(authorSlug ? { author: authorSlug } : {}) }}
      />
    </div>
  );
}
