import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleSummary, AuthorCard, ImageDto, TopicRef } from './dto';

export const topicRefSelect = { slug: true, name: true, kind: true } satisfies Prisma.TopicSelect;

export const mediaSelect = { storageKey: true, width: true, height: true, alt: true } satisfies Prisma.MediaSelect;

export const articleSummarySelect = {
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  authors: { orderBy: { position: 'asc' }, select: { author: { select: { slug: true, name: true } } } },
  topics: { select: { topic: { select: topicRefSelect } } },
} satisfies Prisma.ArticleSelect;

export const authorCardSelect = {
  slug: true,
  name: true,
  position: true,
  location: true,
  fieldOfExpertise: true,
  workExperience: true,
  photoAlt: true,
  photo: { select: mediaSelect },
  // A term a fellow proposed shows once an editor approves it (its topic page does not exist before).
  competences: { where: { topic: { status: 'APPROVED' } }, orderBy: { position: 'asc' }, select: { topic: { select: topicRefSelect } } },
} satisfies Prisma.AuthorSelect;

export type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

/** articleSummarySelect as columns of "Article" a, in the shape toArticleSummary reads, for raw statements. */
export const summaryColumns = Prisma.sql`a.slug, a.title, a.lead, a."publishedAt",
  (SELECT coalesce(json_agg(json_build_object('author', json_build_object('slug', author.slug, 'name', author.name)) ORDER BY link.position), '[]')
     FROM "ArticleAuthor" link JOIN "Author" author ON author.id = link."authorId" WHERE link."articleId" = a.id) AS authors,
  (SELECT coalesce(json_agg(json_build_object('topic', json_build_object('slug', topic.slug, 'name', topic.name, 'kind', topic.kind))), '[]')
     FROM "ArticleTopic" link JOIN "Topic" topic ON topic.id = link."topicId" WHERE link."articleId" = a.id) AS topics`;
export type AuthorCardRow = Prisma.AuthorGetPayload<{ select: typeof authorCardSelect }>;

/** authorCardSelect as columns of "Author" author, in the shape toAuthorCard reads, for raw statements. */
export const authorCardColumns = Prisma.sql`author.slug, author.name, author.position, author.location, author."fieldOfExpertise",
  author."workExperience", author."photoAlt",
  (SELECT json_build_object('storageKey', photo."storageKey", 'width', photo.width, 'height', photo.height, 'alt', photo.alt)
     FROM "Media" photo WHERE photo.id = author."photoId") AS photo,
  (SELECT coalesce(json_agg(json_build_object('topic', json_build_object('slug', topic.slug, 'name', topic.name, 'kind', topic.kind)) ORDER BY competence.position), '[]')
     FROM "AuthorTopic" competence JOIN "Topic" topic ON topic.id = competence."topicId"
     WHERE competence."authorId" = author.id AND topic.status = 'APPROVED') AS competences`;

type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaSelect }>;

export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey.split('/').map(encodeURIComponent).join('/')}`;
}

export function toImage(media: MediaRow | null, alt?: string): ImageDto | null {
  return media ? { src: mediaUrl(media.storageKey), width: media.width, height: media.height, alt: alt || media.alt } : null;
}

function byRegionFirst(a: TopicRef, b: TopicRef): number {
  return a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'REGION' ? -1 : 1;
}

export function toTopicRefs(rows: { topic: TopicRef }[]): TopicRef[] {
  return rows.map((row) => row.topic).sort(byRegionFirst);
}

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    authors: row.authors.map(({ author }) => author),
    topics: toTopicRefs(row.topics),
  };
}

export function toAuthorCard(row: AuthorCardRow): AuthorCard {
  return {
    slug: row.slug,
    name: row.name,
    position: row.position,
    location: row.location,
    fieldOfExpertise: row.fieldOfExpertise,
    workExperience: row.workExperience,
    competences: row.competences.map(({ topic }) => topic),
    photo: toImage(row.photo, row.photoAlt),
  };
}
