import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/site/ArticleView';
import { getPublishedArticleBySlug, listRelatedArticles } from '@/lib/data/articles';

// Rendered on first request, then served from the cache and refreshed in the background at most once a
// second; tag invalidation from mutations refreshes it at once.
export const revalidate = 1;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(slug);
  if (!found || !('article' in found)) return {};
  const { article } = found;
  const description = article.seoDescription ?? article.lead;
  return {
    title: article.seoTitle ?? article.title,
    description,
    alternates: { canonical: article.canonicalUrl ?? `/articles/${article.slug}` },
    authors: article.authors.map((author) => ({ name: author.name, url: `/authors/${author.slug}` })),
    openGraph: {
      type: 'article',
      title: article.seoTitle ?? article.title,
      description,
      publishedTime: article.publishedAt,
      ...(article.updatedAt ? { modifiedTime: article.updatedAt } : {}),
      url: `/articles/${article.slug}`,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(slug);
  if (!found) notFound();
  if ('redirectTo' in found) permanentRedirect(`/articles/${found.redirectTo}`);
  const { article } = found;
  const related = await listRelatedArticles(article.slug);

  return <ArticleView article={article} related={related} />;
}
