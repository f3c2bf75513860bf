import { describe, expect, it } from 'vitest';
import type { ArticleDetail, AuthorProfile } from '../../lib/data/dto';
import { breadcrumbJsonLd, newsArticleJsonLd, profilePageJsonLd, serializeJsonLd } from '../../lib/seo/structured-data';

const site = { name: 'Dispatch', url: 'https://dispatch.example' };
const socialImagePath = '/articles/middle-corridor-needs-railcars/opengraph-image-abc123';

const article: ArticleDetail = {
  id: 'a1',
  slug: 'middle-corridor-needs-railcars',
  title: 'The Middle Corridor Needs Fewer Summits and More Railcars',
  lead: 'The trade route lacks capacity.',
  publishedAt: '2026-10-14T06:00:00.000Z',
  authors: [
    { slug: 'aigerim-sadykova', name: 'Aigerim Sadykova' },
    { slug: 'tamar-gelashvili', name: 'Tamar Gelashvili' },
  ],
  topics: [{ slug: 'central-asia', name: 'Central Asia', kind: 'REGION' }],
  body: { type: 'doc', content: [] },
  language: 'en',
  updatedAt: null,
  original: null,
  source: null,
  canonicalUrl: null,
  seoTitle: null,
  seoDescription: null,
  coverImage: null,
  corrections: [],
  authorCards: [],
  translations: [],
};

const author: AuthorProfile = {
  slug: 'aigerim-sadykova',
  name: 'Aigerim Sadykova',
  position: 'Senior Fellow',
  location: 'Almaty',
  fieldOfExpertise: 'Trade and transport in Central Asia',
  workExperience: '',
  competences: [{ slug: 'central-asia', name: 'Central Asia', kind: 'REGION' }],
  photo: { src: '/media/authors/aigerim.jpg', width: 800, height: 800, alt: 'Aigerim Sadykova' },
  biography: '',
  languages: ['Kazakh', 'Russian', 'English'],
  links: [
    { label: 'Website', href: 'https://aigerim.example' },
    { label: 'ORCID', href: 'https://orcid.org/0000-0002-1825-0097' },
    { label: 'Email', href: 'mailto:aigerim@dispatch.example' },
  ],
};

describe('newsArticleJsonLd', () => {
  it('describes the article with absolute URLs, authors linked to their profiles and the publisher with its logo', () => {
    const data = newsArticleJsonLd(article, site, socialImagePath);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.lead,
      url: 'https://dispatch.example/articles/middle-corridor-needs-railcars',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://dispatch.example/articles/middle-corridor-needs-railcars' },
      image: ['https://dispatch.example/articles/middle-corridor-needs-railcars/opengraph-image-abc123'],
      datePublished: '2026-10-14T06:00:00.000Z',
      dateModified: '2026-10-14T06:00:00.000Z',
      inLanguage: 'en',
      author: [
        { '@type': 'Person', name: 'Aigerim Sadykova', url: 'https://dispatch.example/authors/aigerim-sadykova' },
        { '@type': 'Person', name: 'Tamar Gelashvili', url: 'https://dispatch.example/authors/tamar-gelashvili' },
      ],
      publisher: { '@type': 'Organization', name: 'Dispatch', logo: { '@type': 'ImageObject', url: 'https://dispatch.example/logo.png' } },
      keywords: ['Central Asia'],
    });
    expect(data).not.toHaveProperty('isBasedOn');
    expect(data).not.toHaveProperty('correction');
  });

  it('puts the cover image first, prefers the SEO description and dates the last content update', () => {
    const data = newsArticleJsonLd(
      {
        ...article,
        coverImage: { src: '/media/covers/port.jpg', width: 1600, height: 900, alt: 'Aktau port' },
        seoDescription: 'Capacity, not summits.',
        updatedAt: '2026-10-20T09:00:00.000Z',
      },
      site,
      socialImagePath,
    );
    expect(data).toMatchObject({
      description: 'Capacity, not summits.',
      dateModified: '2026-10-20T09:00:00.000Z',
      image: [{ '@type': 'ImageObject', url: 'https://dispatch.example/media/covers/port.jpg', width: '1600', height: '900' }, expect.stringContaining('/opengraph-image-')],
    });
  });

  it('names the original of a republication in isBasedOn and the source in citation', () => {
    const data = newsArticleJsonLd(
      {
        ...article,
        original: { outlet: 'The Vistula Quarterly', url: 'https://example.org/vq/1', publishedAt: '2025-07-15T08:00:00.000Z' },
        source: { title: 'Customs data 2025', url: 'https://example.org/data' },
      },
      site,
      socialImagePath,
    );
    expect(data).toMatchObject({
      isBasedOn: { '@type': 'CreativeWork', url: 'https://example.org/vq/1', datePublished: '2025-07-15T08:00:00.000Z', publisher: { '@type': 'Organization', name: 'The Vistula Quarterly' } },
      citation: { '@type': 'CreativeWork', name: 'Customs data 2025', url: 'https://example.org/data' },
    });
  });

  it('lists the corrections and updates shown on the article as CorrectionComment items', () => {
    const data = newsArticleJsonLd(
      {
        ...article,
        corrections: [
          { kind: 'CORRECTION', text: 'An earlier version misstated the ferry capacity.', createdAt: '2026-10-15T10:00:00.000Z' },
          { kind: 'UPDATE', text: 'Added the October tariff decision.', createdAt: '2026-10-16T10:00:00.000Z' },
        ],
      },
      site,
      socialImagePath,
    );
    expect(data).toMatchObject({
      correction: [
        { '@type': 'CorrectionComment', name: 'Correction', text: 'An earlier version misstated the ferry capacity.', datePublished: '2026-10-15T10:00:00.000Z' },
        { '@type': 'CorrectionComment', name: 'Update', text: 'Added the October tariff decision.', datePublished: '2026-10-16T10:00:00.000Z' },
      ],
    });
  });
});

describe('profilePageJsonLd', () => {
  it('makes the author the main entity, a Person with job, competences, home, web profiles, email and photo', () => {
    expect(profilePageJsonLd(author, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://dispatch.example/authors/aigerim-sadykova',
      mainEntity: {
        '@type': 'Person',
        '@id': 'https://dispatch.example/authors/aigerim-sadykova#person',
        name: 'Aigerim Sadykova',
        url: 'https://dispatch.example/authors/aigerim-sadykova',
        jobTitle: 'Senior Fellow',
        description: 'Trade and transport in Central Asia',
        knowsAbout: [{ '@type': 'Thing', name: 'Central Asia', url: 'https://dispatch.example/topics/central-asia' }],
        knowsLanguage: ['Kazakh', 'Russian', 'English'],
        homeLocation: { '@type': 'Place', name: 'Almaty' },
        sameAs: ['https://aigerim.example', 'https://orcid.org/0000-0002-1825-0097'],
        email: 'aigerim@dispatch.example',
        image: { '@type': 'ImageObject', url: 'https://dispatch.example/media/authors/aigerim.jpg', width: '800', height: '800', caption: 'Aigerim Sadykova' },
      },
    });
  });

  it('leaves out what a guest author has not filled in', () => {
    const guest = { ...author, position: '', location: '', fieldOfExpertise: '', competences: [], photo: null, languages: [], links: [] };
    expect(profilePageJsonLd(guest, site).mainEntity).toEqual({
      '@type': 'Person',
      '@id': 'https://dispatch.example/authors/aigerim-sadykova#person',
      name: 'Aigerim Sadykova',
      url: 'https://dispatch.example/authors/aigerim-sadykova',
    });
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the crumbs from 1 with absolute item URLs', () => {
    expect(breadcrumbJsonLd([{ name: 'Dispatch', path: '/' }, { name: 'Central Asia', path: '/topics/central-asia' }], site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Dispatch', item: 'https://dispatch.example/' },
        { '@type': 'ListItem', position: 2, name: 'Central Asia', item: 'https://dispatch.example/topics/central-asia' },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed early by "</script>" or an HTML comment in the content, and parses back unchanged', () => {
    const hostile = { ...article, title: 'Pipelines</script><script>alert(1)</script><!-- & more' };
    const json = serializeJsonLd(newsArticleJsonLd(hostile, site, socialImagePath));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json).headline).toBe(hostile.title);
  });
});
