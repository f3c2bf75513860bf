import Link from 'next/link';
import type { TopicRef } from '@/lib/data/dto';

export function TopicLinks({ topics, label = 'Topics' }: { topics: TopicRef[]; label?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link
            href={`/topics/${topic.slug}`}
            className="inline-block rounded-full border border-stone-300 px-3 py-0.5 text-xs font-medium uppercase tracking-wide text-stone-700 hover:border-accent-600 hover:text-accent-700 dark:border-stone-600 dark:text-stone-300 dark:hover:text-accent-300"
          >
            {topic.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
