// The pages to bench, chosen from the demo content that `npm start` loads into an empty database.
import { demoArticles, type DemoArticle } from '../../prisma/demo/content';

export type BenchPage = { name: string; path: string };

const DAY_MS = 24 * 60 * 60 * 1000;

function publishedTime(article: DemoArticle, now: number): number | null {
  if (article.publishedAt === null) return null;
  return typeof article.publishedAt === 'string' ? Date.parse(article.publishedAt) : now + article.publishedAt.daysAfterLoad * DAY_MS;
}

/** What readers see: published (or scheduled whose time has come) and dated in the past (lib/data/visibility.ts). */
function visibleArticles(now = Date.now()): DemoArticle[] {
  return demoArticles
    .filter((article) => article.status === 'PUBLISHED' || article.status === 'SCHEDULED')
    .filter((article) => {
      const time = publishedTime(article, now);
      return time !== null && time <= now;
    })
    .sort((a, b) => (publishedTime(b, now) ?? 0) - (publishedTime(a, now) ?? 0));
}

/** The key with the highest count; ties go to the alphabetically first key. */
function mostFrequent(keys: string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const [best] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  if (!best) throw new Error('The demo content has no published articles to bench.');
  return best[0];
}

export function pickPages(): BenchPage[] {
  const visible = visibleArticles();
  // The published article with the most co-authors (the newest among equals).
  const article = visible.filter((candidate) => candidate.authors.length > 1).sort((a, b) => b.authors.length - a.authors.length)[0];
  if (!article) throw new Error('The demo content has no published article with co-authors.');
  const author = mostFrequent(visible.flatMap((candidate) => candidate.authors));
  const topic = mostFrequent(visible.flatMap((candidate) => candidate.topics));
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: `/articles/${article.slug}` },
    { name: 'author', path: `/authors/${author}` },
    { name: 'topic', path: `/topics/${topic}` },
    { name: 'articles p2', path: '/articles?page=2' },
    { name: 'health', path: '/api/health' },
  ];
}
