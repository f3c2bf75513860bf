import type { ArticleSummary } from '@/lib/data/dto';
import { ArticleCard } from './ArticleCard';

export function ArticleList({ articles, headingLevel = 2, emptyText = 'No articles yet.' }: { articles: ArticleSummary[]; headingLevel?: 2 | 3; emptyText?: string }) {
  if (articles.length === 0) return <p className="text-stone-600 dark:text-stone-400">{emptyText}</p>;
  return (
    <ul className="grid gap-6 md:grid-cols-2">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard article={article} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
