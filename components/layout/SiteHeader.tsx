import Link from 'next/link';
import type { TopicRef } from '@/lib/data/dto';

export function SiteHeader({ siteName, regions }: { siteName: string; regions: TopicRef[] }) {
  return (
    <header role="banner" className="border-b border-stone-300 dark:border-stone-700">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:bg-white focus:px-3 focus:py-2 focus:text-ink"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-5">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight text-ink no-underline dark:text-stone-50">
          {siteName}
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
            <li><Link className="hover:underline" href="/articles">Articles</Link></li>
            <li><Link className="hover:underline" href="/authors">Experts</Link></li>
            <li><Link className="hover:underline" href="/search">Search</Link></li>
          </ul>
        </nav>
      </div>
      {regions.length > 0 ? (
        <nav aria-label="Regions" className="border-t border-stone-200 dark:border-stone-800">
          <ul className="mx-auto flex max-w-6xl gap-x-5 overflow-x-auto px-4 py-2 text-sm text-stone-700 dark:text-stone-300">
            {regions.map((region) => (
              <li key={region.slug} className="shrink-0">
                <Link className="hover:underline" href={`/topics/${region.slug}`}>{region.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
