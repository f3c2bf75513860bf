import 'server-only';
import { getDb } from '@/lib/db';
import type { ArticleSummary } from './dto';
import { articleSummarySelect, toArticleSummary } from './mappers';
import { cachedPublicRead } from './public-cache';
import { tags } from './tags';
import { publicArticleWhere } from './visibility';

export type HomeFeed = { lead: ArticleSummary | null; latest: ArticleSummary[] };

const LATEST_COUNT = 10;

async function readHomeFeed(): Promise<HomeFeed> {
  const db = getDb();
  const visible = publicArticleWhere(new Date());
  const [featured, latest] = await Promise.all([
    db.article.findFirst({ where: { ...visible, featured: true }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: articleSummarySelect }),
    db.article.findMany({ where: visible, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take: LATEST_COUNT + 1, select: articleSummarySelect }),
  ]);
  const lead = featured ?? latest[0] ?? null;
  return {
    lead: lead ? toArticleSummary(lead) : null,
    latest: latest.filter((article) => article.slug !== lead?.slug).slice(0, LATEST_COUNT).map(toArticleSummary),
  };
}

const cachedHomeFeed = cachedPublicRead('home-feed', readHomeFeed, () => [tags.articles]);

/** The lead story (newest featured, else newest) and the latest articles after it. */
export async function getHomeFeed(): Promise<HomeFeed> {
  return cachedHomeFeed();
}
