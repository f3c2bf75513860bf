import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorCardView } from '@/components/site/AuthorCardView';
import { Pagination } from '@/components/site/Pagination';
import { listAuthorDirectory } from '@/lib/data/authors';
import { parsePageParam } from '@/lib/data/slugs';
import { listTopics } from '@/lib/data/topics';
import { siteFeedAlternates } from '@/lib/feeds/discovery';
import { siteOpenGraph } from '@/lib/seo/metadata';
import { getSiteConfig } from '@/lib/site';

export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  const title = 'Our experts';
  const description = `The fellows and contributors who write for ${getSiteConfig().name}, by region and theme.`;
  return {
    title,
    description,
    alternates: { canonical: '/authors', types: siteFeedAlternates() },
    openGraph: { ...siteOpenGraph(), type: 'website', title, description, url: '/authors' },
    twitter: { card: 'summary', title, description },
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function values(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);
}

export default async function AuthorsPage({ searchParams }: Props) {
  const query = await searchParams;
  const region = values(query.region)[0];
  const theme = values(query.theme)[0];
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  const [topics, directory] = await Promise.all([listTopics(), listAuthorDirectory([region, theme].filter((slug): slug is string => Boolean(slug)), page)]);
  if (page > directory.pageCount) notFound();
  const authors = directory.items;
  const regions = topics.filter((topic) => topic.kind === 'REGION');
  const themes = topics.filter((topic) => topic.kind === 'THEME');
  const described = [themes.find((t) => t.slug === theme)?.name, regions.find((r) => r.slug === region)?.name].filter(Boolean);

  return (
    <div>
      <h1 className="font-serif text-4xl font-bold">Our experts</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        {described.length > 0 ? `Experts on ${described.join(' in ')}` : 'Fellows and contributors who write for us.'}
      </p>
      <form method="get" action="/authors" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Region</span>
          <select name="region" defaultValue={region ?? ''} className="rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900">
            <option value="">Any region</option>
            {regions.map((topic) => <option key={topic.slug} value={topic.slug}>{topic.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Theme</span>
          <select name="theme" defaultValue={theme ?? ''} className="rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900">
            <option value="">Any theme</option>
            {themes.map((topic) => <option key={topic.slug} value={topic.slug}>{topic.name}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-medium text-white dark:bg-stone-100 dark:text-ink">Filter</button>
      </form>
      {authors.length === 0 ? (
        <p className="mt-8">No experts match this filter.</p>
      ) : (
        <ul className="mt-8 grid gap-6 md:grid-cols-2">
          {authors.map((author) => (
            <li key={author.slug}><AuthorCardView author={author} /></li>
          ))}
        </ul>
      )}
      <Pagination
        page={directory.page}
        pageCount={directory.pageCount}
        morePages={directory.totalIsLowerBound}
        basePath="/authors"
        query={{ ...(region ? { region } : {}), ...(theme ? { theme } : {}) }}
      />
    </div>
  );
}
