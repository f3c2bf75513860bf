import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/site/ArticleView';
import { JsonLd } from '@/components/site/JsonLd';
import { getPublishedArticleBySlug, listRelatedArticles } from '@/lib/data/articles';
import type { ArticleDetail } from '@/lib/data/dto';
import { siteFeedAlternates } from '@/lib/feeds/discovery';
import { articleSocialImagePath, siteOpenGraph } from '@/lib/seo/metadata';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/structured-data';
import { absoluteUrl, getSiteConfig } from '@/lib/site';

// Rendered per request from cached reads, like the listing pages: the micro-cache in front (scripts/server.mjs)
// shares it for a second. As ISR it was re-rendered every second while each request in between reached Next
// (a STALE page cannot be shared without delaying a publish), and an unknown slug answered with an empty shell.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

const articlePath = (slug: string) => `/articles/${slug}`;

// hreflang links name pages that are their own canonical; a republication canonical to its original is not.
function languageAlternates(article: ArticleDetail): Record<string, string> | undefined {
  if (article.canonicalUrl || article.translations.length === 0) return undefined;
  // Listed last, the article itself wins over another version in the same language.
  const versions = [...article.translations, { language: article.language, slug: article.slug }];
  return Object.fromEntries(versions.map((version) => [version.language, articlePath(version.slug)]));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(slug);
  if (!found || !('article' in found)) return {};
  const { article } = found;
  const title = article.seoTitle ?? article.title;
  const description = article.seoDescription ?? article.lead;
  const siteGraph = siteOpenGraph();
  const siteLanguage = getSiteConfig().locale.split('-')[0];
  return {
    title,
    description,
    alternates: { canonical: article.canonicalUrl ?? articlePath(article.slug), languages: languageAlternates(article), types: siteFeedAlternates() },
    authors: article.authors.map((author) => ({ name: author.name, url: `/authors/${author.slug}` })),
    openGraph: {
      ...siteGraph,
      ...(article.language === siteLanguage ? {} : { locale: article.language }),
      type: 'article',
      title,
      description,
      url: articlePath(article.slug),
      publishedTime: article.publishedAt,
      ...(article.updatedAt ? { modifiedTime: article.updatedAt } : {}),
      authors: article.authors.map((author) => absoluteUrl(`/authors/${author.slug}`)),
      ...(article.topics[0] ? { section: article.topics[0].name } : {}),
      tags: article.topics.map((topic) => topic.name),
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(slug);
  if (!found) notFound();
  if ('redirectTo' in found) permanentRedirect(`/articles/${found.redirectTo}`);
  const { article } = found;
  const related = await listRelatedArticles(article.slug);
  const site = getSiteConfig();
  const section = article.topics[0] ? { name: article.topics[0].name, path: `/topics/${article.topics[0].slug}` } : { name: 'Articles', path: '/articles' };

  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, site, articleSocialImagePath(article.slug))} />
      <JsonLd data={breadcrumbJsonLd([{ name: site.name, path: '/' }, section, { name: article.title, path: articlePath(article.slug) }], site)} />
      <ArticleView article={article} related={related} />
    </>
  );
}
