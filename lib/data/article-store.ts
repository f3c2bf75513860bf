import 'server-only';
import { documentToPlainText } from '@/lib/content/plain-text';
import { slugify } from '@/lib/content/slugify';
import { assertCan, ForbiddenError, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { articleDraftSchema, type ArticleDraft } from '@/lib/validation/article';
import { operatorViewer } from './users';

// Shared by the editorial modules (drafts, workflow, revisions): how an article row maps to and from its draft,
// how slugs stay unique, and how the viewer's right to an article is checked. Not a public door: lib/data's
// exported functions call these after checking the viewer.

export type Tx = Prisma.TransactionClient;

export const editorArticleSelect = {
  id: true,
  slug: true,
  status: true,
  version: true,
  title: true,
  lead: true,
  body: true,
  coverImageId: true,
  coverAlt: true,
  language: true,
  publishedAt: true,
  firstPublishedAt: true,
  originalOutlet: true,
  originalUrl: true,
  originalPublishedAt: true,
  canonicalPolicy: true,
  sourceTitle: true,
  sourceUrl: true,
  seoTitle: true,
  seoDescription: true,
  pendingChanges: true,
  updatedAt: true,
  authors: { orderBy: { position: 'asc' }, select: { authorId: true } },
  topics: { select: { topicId: true } },
} satisfies Prisma.ArticleSelect;

export type EditorArticleRow = Prisma.ArticleGetPayload<{ select: typeof editorArticleSelect }>;

/** The actor recorded on revisions and audit events; the CLI operator is nobody in the users table. */
export const actorId = (viewer: Viewer) => (viewer.id === operatorViewer.id ? null : viewer.id);

/** The article as it is stored in its columns, as a draft. */
export function draftFromColumns(row: EditorArticleRow): ArticleDraft {
  return {
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    body: articleDraftSchema.shape.body.parse(row.body),
    authorIds: row.authors.map((author) => author.authorId),
    topicIds: row.topics.map((topic) => topic.topicId),
    coverImageId: row.coverImageId,
    coverAlt: row.coverAlt,
    language: row.language === 'ru' ? 'ru' : 'en',
    originalOutlet: row.originalOutlet ?? '',
    originalUrl: row.originalUrl ?? '',
    originalPublishedAt: row.originalPublishedAt?.toISOString() ?? null,
    canonicalToOriginal: row.canonicalPolicy === 'ORIGINAL',
    sourceTitle: row.sourceTitle ?? '',
    sourceUrl: row.sourceUrl ?? '',
    seoTitle: row.seoTitle ?? '',
    seoDescription: row.seoDescription ?? '',
    publishDate: row.publishedAt?.toISOString() ?? null,
  };
}

/** A stored draft (revision data or pending changes) read back through the schema, so old shapes still load. */
export function parseStoredDraft(value: unknown): ArticleDraft | null {
  const parsed = articleDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether readers can see the article right now (the public visibility rule). */
export function isLive(row: { status: string; publishedAt: Date | null }, now = new Date()): boolean {
  return (row.status === 'PUBLISHED' || row.status === 'SCHEDULED') && row.publishedAt !== null && row.publishedAt <= now;
}

/** The draft the editor works on: pending changes of a live article, otherwise its columns. */
export function currentDraft(row: EditorArticleRow): ArticleDraft {
  return (isLive(row) && parseStoredDraft(row.pendingChanges)) || draftFromColumns(row);
}

export function draftToColumns(draft: ArticleDraft) {
  return {
    title: draft.title,
    slug: draft.slug,
    lead: draft.lead,
    body: draft.body as unknown as Prisma.InputJsonValue,
    bodyText: documentToPlainText(draft.body),
    coverImageId: draft.coverImageId,
    coverAlt: draft.coverAlt,
    language: draft.language,
    originalOutlet: draft.originalOutlet || null,
    originalUrl: draft.originalUrl || null,
    originalPublishedAt: draft.originalPublishedAt ? new Date(draft.originalPublishedAt) : null,
    canonicalPolicy: draft.canonicalToOriginal ? ('ORIGINAL' as const) : ('SELF' as const),
    sourceTitle: draft.sourceTitle || null,
    sourceUrl: draft.sourceUrl || null,
    seoTitle: draft.seoTitle || null,
    seoDescription: draft.seoDescription || null,
  };
}

/** Replaces the article's ordered co-authors and topics with the draft's. */
export async function writeRelations(tx: Tx, articleId: string, draft: ArticleDraft): Promise<void> {
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleTopic.deleteMany({ where: { articleId } });
  if (draft.authorIds.length > 0) {
    await tx.articleAuthor.createMany({ data: draft.authorIds.map((authorId, position) => ({ articleId, authorId, position })) });
  }
  if (draft.topicIds.length > 0) {
    await tx.articleTopic.createMany({ data: draft.topicIds.map((topicId) => ({ articleId, topicId })) });
  }
}

/** Whether another article uses the slug, live or as an old URL that redirects to it. */
export async function slugTakenByAnother(tx: Tx, slug: string, articleId: string | null): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findFirst({ where: { slug, ...(articleId ? { id: { not: articleId } } : {}) }, select: { id: true } }),
    tx.slugRedirect.findFirst({ where: { slug, ...(articleId ? { articleId: { not: articleId } } : {}) }, select: { slug: true } }),
  ]);
  return article !== null || redirect !== null;
}

/** Once readers may have seen an article, its old URL keeps working: the old slug redirects to it. */
export async function moveSlug(tx: Tx, articleId: string, oldSlug: string, newSlug: string): Promise<void> {
  if (oldSlug === newSlug) return;
  await tx.slugRedirect.deleteMany({ where: { slug: newSlug, articleId } });
  await tx.slugRedirect.upsert({ where: { slug: oldSlug }, create: { slug: oldSlug, articleId }, update: { articleId } });
}

/** A free slug derived from the title: "title", then "title-2", "title-3"... */
export async function generateUniqueSlug(tx: Tx, title: string, articleId: string | null): Promise<string> {
  const base = slugify(title) || 'untitled';
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await slugTakenByAnother(tx, candidate, articleId))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Checks that authors, topics and the cover image added since `previous` exist; field errors for those that do not. */
export async function missingReferences(tx: Tx, draft: ArticleDraft, previous: ArticleDraft | null): Promise<Record<string, string[]>> {
  const added = (ids: string[], before: string[] | undefined) => ids.filter((id) => !before?.includes(id));
  const newAuthors = added(draft.authorIds, previous?.authorIds);
  const newTopics = added(draft.topicIds, previous?.topicIds);
  const newCover = draft.coverImageId && draft.coverImageId !== previous?.coverImageId ? draft.coverImageId : null;
  const [authors, topics, cover] = await Promise.all([
    newAuthors.length > 0 ? tx.author.count({ where: { id: { in: newAuthors } } }) : 0,
    newTopics.length > 0 ? tx.topic.count({ where: { id: { in: newTopics } } }) : 0,
    newCover ? tx.media.count({ where: { id: newCover } }) : 1,
  ]);
  const errors: Record<string, string[]> = {};
  if (authors !== newAuthors.length) errors.authorIds = ['One of the chosen authors no longer exists.'];
  if (topics !== newTopics.length) errors.topicIds = ['One of the chosen topics no longer exists.'];
  if (cover === 0) errors.coverImageId = ['The cover image no longer exists.'];
  return errors;
}

/** A fellow always stays among the authors of what they write, or they would lose it. */
export function withFellowAsAuthor(viewer: Viewer, draft: ArticleDraft): ArticleDraft {
  if (viewer.role !== 'FELLOW' || !viewer.authorId || draft.authorIds.includes(viewer.authorId)) return draft;
  return { ...draft, authorIds: [viewer.authorId, ...draft.authorIds] };
}

/** Loads the article for a viewer who must be allowed `action` on it; null when it does not exist or is hidden. */
export async function loadArticleFor(
  tx: Tx,
  viewer: Viewer | null,
  articleId: string,
  action: 'article.read' | 'article.edit' | 'article.submitForReview' | 'article.publish' | 'article.delete' | 'article.note',
  options: { forUpdate?: boolean } = {},
): Promise<EditorArticleRow | null> {
  assertCan(viewer, 'newsroom.enter');
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
  const row = await tx.article.findUnique({ where: { id: articleId }, select: editorArticleSelect });
  if (!row) return null;
  const target = { authorIds: row.authors.map((author) => author.authorId), status: row.status };
  // Articles a fellow does not co-author do not exist for them; refusals are for what they can see.
  if (!viewer || !canSee(viewer, target.authorIds)) return null;
  if (action !== 'article.read') assertCan(viewer, action, target);
  return row;
}

function canSee(viewer: Viewer, authorIds: string[]): boolean {
  if (viewer.role === 'ADMIN' || viewer.role === 'EDITOR') return true;
  return viewer.authorId !== null && authorIds.includes(viewer.authorId);
}

export { ForbiddenError };
