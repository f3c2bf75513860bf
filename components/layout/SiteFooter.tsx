import Link from 'next/link';
import type { TopicRef } from '@/lib/data/dto';

export function SiteFooter({ siteName, topics }: { siteName: string; topics: TopicRef[] }) {
  const themes = topics.filter((topic) => topic.kind === 'THEME');
  const regions = topics.filter((topic) => topic.kind === 'REGION');
  return (
    <footer role="contentinfo" className="mt-16 border-t border-stone-300 bg-stone-100 dark:border-stone-700 dark:bg-stone-900">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-3">
        <div>
          <p className="font-serif text-xl font-bold">{siteName}</p>
          <p className="mt-2 text-stone-700 dark:text-stone-300">Independent analysis by our fellows.</p>
        </div>
        <TopicList label="Regions" topics={regions} />
        <TopicList label="Themes" topics={themes} />
      </div>
    </footer>
  );
}

function TopicList({ label, topics }: { label: string; topics: TopicRef[] }) {
  if (topics.length === 0) return null;
  return (
    <nav aria-label={`${label} in the footer`}>
      <h2 className="font-semibold">{label}</h2>
      <ul className="mt-2 space-y-1">
        {topics.map((topic) => (
          <li key={topic.slug}><Link className="hover:underline" href={`/topics/${topic.slug}`}>{topic.name}</Link></li>
        ))}
      </ul>
    </nav>
  );
}
