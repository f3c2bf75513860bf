import Link from 'next/link';
import type { ArticleSummary } from '@/lib/data/dto';
import { DateTime } from '@/components/ui/DateTime';
import { Byline } from './Byline';

export function ArticleCard({ article, headingLevel = 2, featured = false }: { article: ArticleSummary; headingLevel?: 2 | 3; featured?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="border-t border-stone-200 pt-4 dark:border-stone-800">
      <p className="text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
        {article.topics.map((topic) => topic.name).join(' · ')}
      </p>
      <Heading className={`mt-1 font-serif font-bold leading-tight ${featured ? 'text-3xl sm:text-4xl' : 'text-xl'}`}>
        <Link href={`/articles/${article.slug}`} className="hover:underline">{article.title}</Link>
      </Heading>
      {article.lead ? <p className={`mt-2 font-serif text-stone-700 dark:text-stone-300 ${featured ? 'text-lg' : ''}`}>{article.lead}</p> : null}
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        <Byline authors={article.authors} />
        {article.authors.length > 0 ? ' · ' : null}
        <DateTime value={article.publishedAt} />
      </p>
    </article>
  );
}
