import type { BreadcrumbList, CorrectionComment, ImageObject, NewsArticle, Organization, Person, ProfilePage, Thing, WithContext } from 'schema-dts';
import type { ArticleDetail, AuthorProfile, ImageDto } from '@/lib/data/dto';

// schema.org JSON-LD for search engines, built from the same DTOs the pages render. Pure: URLs are made
// absolute against the site address passed in, so the output is the same for every reader.

export type SiteIdentity = { name: string; url: string };
export type Crumb = { name: string; path: string };

/** The publisher logo (app/logo.png/route.tsx): square, larger than Google's 112 px minimum. */
export const PUBLISHER_LOGO = { path: '/logo.png', size: 512 };

function absolute(site: SiteIdentity, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${site.url}${path.startsWith('/') ? path : `/${path}`}`;
}

function imageObject(site: SiteIdentity, image: ImageDto): ImageObject {
  return { '@type': 'ImageObject', url: absolute(site, image.src), width: `${image.width}`, height: `${image.height}`, caption: image.alt };
}

export function publisherOrganization(site: SiteIdentity): Organization {
  return {
    '@type': 'Organization',
    name: site.name,
    url: absolute(site, '/'),
    logo: { '@type': 'ImageObject', url: absolute(site, PUBLISHER_LOGO.path), width: `${PUBLISHER_LOGO.size}`, height: `${PUBLISHER_LOGO.size}` },
  };
}

function republicationSource(original: NonNullable<ArticleDetail['original']>) {
  return {
    '@type': 'CreativeWork' as const,
    ...(original.url ? { url: original.url } : {}),
    ...(original.publishedAt ? { datePublished: original.publishedAt } : {}),
    publisher: { '@type': 'Organization' as const, name: original.outlet },
  };
}

function correctionComment(correction: ArticleDetail['corrections'][number]): CorrectionComment {
  return {
    '@type': 'CorrectionComment',
    name: correction.kind === 'UPDATE' ? 'Update' : 'Correction',
    text: correction.text,
    datePublished: correction.createdAt,
  };
}

/** NewsArticle for an article page; `socialImagePath` is its generated sharing image, used when it has no cover. */
export function newsArticleJsonLd(article: ArticleDetail, site: SiteIdentity, socialImagePath: string): WithContext<NewsArticle> {
  const url = absolute(site, `/articles/${article.slug}`);
  const authors: Person[] = article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absolute(site, `/authors/${author.slug}`) }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.title,
    description: article.seoDescription ?? article.lead,
    image: [...(article.coverImage ? [imageObject(site, article.coverImage)] : []), absolute(site, socialImagePath)],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    inLanguage: article.language,
    author: authors,
    publisher: publisherOrganization(site),
    isAccessibleForFree: true,
    ...(article.topics.length > 0 ? { keywords: article.topics.map((topic) => topic.name) } : {}),
    ...(article.original ? { isBasedOn: republicationSource(article.original) } : {}),
    ...(article.source ? { citation: { '@type': 'CreativeWork', name: article.source.title, ...(article.source.url ? { url: article.source.url } : {}) } } : {}),
    ...(article.corrections.length > 0 ? { correction: article.corrections.map(correctionComment) } : {}),
  };
}

/** ProfilePage whose main entity is the author as a Person. */
export function profilePageJsonLd(author: AuthorProfile, site: SiteIdentity): WithContext<ProfilePage> {
  const url = absolute(site, `/authors/${author.slug}`);
  const webLinks = author.links.filter((link) => /^https?:\/\//.test(link.href)).map((link) => link.href);
  const email = author.links.find((link) => link.href.startsWith('mailto:'))?.href.slice('mailto:'.length);
  const person: Person = {
    '@type': 'Person',
    '@id': `${url}#person`,
    name: author.name,
    url,
    ...(author.position ? { jobTitle: author.position } : {}),
    ...(author.fieldOfExpertise ? { description: author.fieldOfExpertise } : {}),
    ...(author.competences.length > 0
      ? { knowsAbout: author.competences.map((topic): Thing => ({ '@type': 'Thing', name: topic.name, url: absolute(site, `/topics/${topic.slug}`) })) }
      : {}),
    ...(author.languages.length > 0 ? { knowsLanguage: author.languages } : {}),
    ...(author.location ? { homeLocation: { '@type': 'Place', name: author.location } } : {}),
    ...(webLinks.length > 0 ? { sameAs: webLinks } : {}),
    ...(email ? { email } : {}),
    ...(author.photo ? { image: imageObject(site, author.photo) } : {}),
  };
  return { '@context': 'https://schema.org', '@type': 'ProfilePage', url, mainEntity: person };
}

/** BreadcrumbList from the home page down to the current page. */
export function breadcrumbJsonLd(crumbs: Crumb[], site: SiteIdentity): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: absolute(site, crumb.path) })),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: `<` (and `>`, `&`) become Unicode escapes, which
 * JSON parsers read back unchanged, so "</script>" or "<!--" in an article's text cannot end the script.
 */
export function serializeJsonLd(data: WithContext<Thing>): string {
  return JSON.stringify(data).replace(/[<>&]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
