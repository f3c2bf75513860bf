import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleList } from '@/components/site/ArticleList';
import { AuthorPhoto } from '@/components/site/AuthorPhoto';
import { JsonLd } from '@/components/site/JsonLd';
import { Pagination } from '@/components/site/Pagination';
import { TopicLinks } from '@/components/site/TopicLinks';
import { listPublishedArticles } from '@/lib/data/articles';
import { getAuthorProfileBySlug } from '@/lib/data/authors';
import { parsePageParam } from '@/lib/data/slugs';
import { authorFeedAlternates } from '@/lib/feeds/discovery';
import { siteOpenGraph } from '@/lib/seo/metadata';
import { breadcrumbJsonLd, profilePageJsonLd } from '@/lib/seo/structured-data';
import { getSiteConfig } from '@/lib/site';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await getAuthorProfileBySlug(slug);
  if (!found || !('author' in found)) return {};
  const { author } = found;
  return {
    title: author.name,
    description: [author.position, author.fieldOfExpertise].filter(Boolean).join(': ') || `Articles by ${author.name}`,
    alternates: { canonical: `/authors/${author.slug}`, types: authorFeedAlternates(author) },
    openGraph: {
      ...siteOpenGraph(),
      type: 'profile',
      title: author.name,
      url: `/authors/${author.slug}`,
      ...(author.photo ? { images: [{ url: author.photo.src, width: author.photo.width, height: author.photo.height, alt: author.photo.alt }] } : {}),
    },
    twitter: { card: 'summary', title: author.name },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  const found = await getAuthorProfileBySlug(slug);
  if (!found) notFound();
  if ('redirectTo' in found) permanentRedirect(`/authors/${found.redirectTo}`);
  const { author } = found;
  const articles = await listPublishedArticles(page, { authorSlug: author.slug });
  if (page > articles.pageCount) notFound();
  const site = getSiteConfig();

  return (
    <div className="mx-auto max-w-4xl">
      <JsonLd data={profilePageJsonLd(author, site)} />
      <JsonLd data={breadcrumbJsonLd([{ name: site.name, path: '/' }, { name: 'Our experts', path: '/authors' }, { name: author.name, path: `/authors/${author.slug}` }], site)} />
      <header className="flex flex-col gap-6 sm:flex-row sm:items-start">
        <AuthorPhoto name={author.name} photo={author.photo} size={160} />
        <div>
          <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
          {author.position ? <p className="mt-1 text-lg">{author.position}</p> : null}
          {author.location ? <p className="text-stone-600 dark:text-stone-400">{author.location}</p> : null}
          {author.links.length > 0 ? (
            <ul aria-label="Links" className="mt-3 flex flex-wrap gap-x-4 text-sm">
              {author.links.map((link) => (
                <li key={link.label}>
                  <a href={link.href} rel="me noopener noreferrer" className="font-medium text-accent-700 underline dark:text-accent-300">{link.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>

      <dl className="mt-8 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {author.competences.length > 0 ? (
          <>
            <dt className="font-semibold">Competence</dt>
            <dd><TopicLinks topics={author.competences} label="Competence" /></dd>
          </>
        ) : null}
        {author.fieldOfExpertise ? (<><dt className="font-semibold">Field of expertise</dt><dd>{author.fieldOfExpertise}</dd></>) : null}
        {author.workExperience ? (<><dt className="font-semibold">Work experience</dt><dd>{author.workExperience}</dd></>) : null}
        {author.languages.length > 0 ? (<><dt className="font-semibold">Languages</dt><dd>{author.languages.join(', ')}</dd></>) : null}
      </dl>

      {author.biography ? (
        <section aria-labelledby="bio-heading" className="mt-8">
          <h2 id="bio-heading" className="font-serif text-2xl font-bold">Biography</h2>
          <div className="prose-article mt-3">
            {author.biography.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="articles-heading" className="mt-10">
        <h2 id="articles-heading" className="mb-4 font-serif text-2xl font-bold">Articles by {author.name}</h2>
        <ArticleList articles={articles.items} headingLevel={3} emptyText="No published articles yet." />
        <Pagination page={articles.page} pageCount={articles.pageCount} morePages={articles.totalIsLowerBound} basePath={`/authors/${author.slug}`} />
      </section>
    </div>
  );
}
