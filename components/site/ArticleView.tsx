import Image from 'next/image';
import { RichText } from '@/components/content/RichText';
import { AuthorBlock } from '@/components/site/AuthorBlock';
import { ArticleList } from '@/components/site/ArticleList';
import { Byline } from '@/components/site/Byline';
import { HowToCite } from '@/components/site/HowToCite';
import { TopicLinks } from '@/components/site/TopicLinks';
import { DateTime } from '@/components/ui/DateTime';
import type { ArticleDetail, ArticleSummary } from '@/lib/data/dto';
import { buildCitations } from '@/lib/seo/citation';
import { absoluteUrl, getSiteConfig } from '@/lib/site';

/** An article as readers see it; the public page and the editor's previews both render this. */
export function ArticleView({ article, related }: { article: ArticleDetail; related: ArticleSummary[] }) {
  const site = getSiteConfig();
  const citations = buildCitations({
    title: article.title,
    authors: article.authors.map((author) => author.name),
    publishedAt: article.publishedAt,
    url: absoluteUrl(`/articles/${article.slug}`),
    siteName: site.name,
    timeZone: site.timeZone,
    slug: article.slug,
  });
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

      {article.coverImage ? (
        <figure className="mt-6">
          <Image
            src={article.coverImage.src}
            alt={article.coverImage.alt}
            width={article.coverImage.width}
            height={article.coverImage.height}
            sizes="(min-width: 48rem) 48rem, 100vw"
            priority
            className="h-auto w-full rounded"
          />
        </figure>
      ) : null}

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
                <a href={article.original.url} rel="noopener noreferrer" className="print-url underline">{article.original.outlet}</a>
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
                <a href={article.source.url} rel="noopener noreferrer" className="print-url underline">{article.source.title}</a>
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

      <HowToCite citations={citations} />

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-12 print:hidden">
          <h2 id="related-heading" className="mb-4 font-serif text-2xl font-bold">Related analysis</h2>
          <ArticleList articles={related} headingLevel={3} />
        </section>
      ) : null}
    </article>
  );
}
