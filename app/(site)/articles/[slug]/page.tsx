import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { RichText } from '@/components/content/RichText';
import { AuthorBlock } from '@/components/site/AuthorBlock';
import { ArticleList } from '@/components/site/ArticleList';
import { Byline } from '@/components/site/Byline';
import { TopicLinks } from '@/components/site/TopicLinks';
import { DateTime } from '@/components/ui/DateTime';
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

  return (
    <article lang={article.language} className="mx-auto max-w-3xl">
      <header>
        <TopicLinks topics={article.topics} />
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          <DateTime value={article.publishedAt} />
          {article.updatedAt ? (
            <>
              {' · Updated '}
              <DateTime value={article.updatedAt} />
            </>
          ) : null}
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight sm:text-5xl">{article.title}</h1>
        {article.lead ? <p className="mt-4 font-serif text-xl font-semibold leading-snug text-stone-800 dark:text-stone-200">{article.lead}</p> : null}
        <p className="mt-4 text-stone-700 dark:text-stone-300">
          <Byline authors={article.authors} />
        </p>
      </header>

      {article.corrections.length > 0 ? (
        <aside aria-label="Corrections and updates" className="mt-6 rounded border-l-4 border-accent-600 bg-accent-50 p-4 text-sm dark:bg-stone-900">
          <ul className="space-y-1">
            {article.corrections.map((correction) => (
              <li key={correction.createdAt}>
                <strong>{correction.kind === 'UPDATE' ? 'Update' : 'Correction'} (<DateTime value={correction.createdAt} />):</strong> {correction.text}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}

      <div className="prose-article mt-8">
        <RichText document={article.body} />
      </div>

      {article.original || article.source ? (
        <footer className="mt-8 space-y-1 border-t border-stone-200 pt-4 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">
          {article.original ? (
            <p>
              <span className="font-semibold">Original publication: </span>
              {article.original.url ? (
                <a href={article.original.url} rel="noopener noreferrer" className="underline">{article.original.outlet}</a>
              ) : (
                article.original.outlet
              )}
              {article.original.publishedAt ? (
                <>
                  {', '}
                  <DateTime value={article.original.publishedAt} />
                </>
              ) : null}
            </p>
          ) : null}
          {article.source ? (
            <p>
              <span className="font-semibold">Source: </span>
              {article.source.url ? (
                <a href={article.source.url} rel="noopener noreferrer" className="underline">{article.source.title}</a>
              ) : (
                article.source.title
              )}
            </p>
          ) : null}
        </footer>
      ) : null}

      <section aria-labelledby="authors-heading" className="mt-10">
        <h2 id="authors-heading" className="mb-4 font-serif text-2xl font-bold">{article.authorCards.length > 1 ? 'About the authors' : 'About the author'}</h2>
        <div className="space-y-4">
          {article.authorCards.map((author) => (
            <AuthorBlock key={author.slug} author={author} />
          ))}
        </div>
      </section>

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-12">
          <h2 id="related-heading" className="mb-4 font-serif text-2xl font-bold">Related analysis</h2>
          <ArticleList articles={related} headingLevel={3} />
        </section>
      ) : null}
    </article>
  );
}
