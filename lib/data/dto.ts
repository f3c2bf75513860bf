import type { RichTextDocument } from '@/lib/content/document';

// Plain, serialisable shapes handed to routes and components. Dates are ISO strings.

export type TopicKindDto = 'REGION' | 'THEME';
export type TopicRef = { slug: string; name: string; kind: TopicKindDto };
export type AuthorRef = { slug: string; name: string };
export type ImageDto = { src: string; width: number; height: number; alt: string };

export type ArticleSummary = {
  slug: string;
  title: string;
  lead: string;
  publishedAt: string;
  authors: AuthorRef[];
  topics: TopicRef[];
};

export type AuthorCard = AuthorRef & {
  position: string;
  location: string;
  fieldOfExpertise: string;
  workExperience: string;
  competences: TopicRef[];
  photo: ImageDto | null;
};

export type AuthorLink = { label: string; href: string };

export type AuthorProfile = AuthorCard & {
  biography: string;
  languages: string[];
  links: AuthorLink[];
};

export type CorrectionDto = { kind: string; text: string; createdAt: string };

/** Another language version of an article that readers may see. */
export type ArticleTranslationRef = { language: string; slug: string };

export type ArticleDetail = ArticleSummary & {
  id: string;
  body: RichTextDocument;
  language: string;
  updatedAt: string | null;
  original: { outlet: string; url: string | null; publishedAt: string | null } | null;
  source: { title: string; url: string | null } | null;
  canonicalUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  coverImage: ImageDto | null;
  corrections: CorrectionDto[];
  authorCards: AuthorCard[];
  translations: ArticleTranslationRef[];
};

export type Paged<T> = { items: T[]; page: number; pageCount: number; total: number };
