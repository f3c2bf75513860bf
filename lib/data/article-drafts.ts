import 'server-only';
import { assertCan, can, type Viewer } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { articleDraftSchema, draftFieldErrors, type ArticleDraft, type ArticleDraftInput } from '@/lib/validation/article';
import {
  actorId,
  currentDraft,
  draftToColumns,
  generateUniqueSlug,
  isLive,
  loadArticleFor,
  missingReferences,
  moveSlug,
  slugTakenByAnother,
  withFellowAsAuthor,
  writeRelations,
  type EditorArticleRow,
  type Tx,
} from './article-store';
import { recordAudit } from './audit';
import { isSlugOfTitle } from '@/lib/content/slugify';
import { mediaSelect, mediaUrl } from './mappers';
import { catchUpScheduled } from './article-schedule';
import { findRecordedSave, getRevision, recordRevision } from './article-revisions';

export type ArticleStatusName = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

export type EditorArticle = {
  id: string;
  status: ArticleStatusName;
  version: number;
  draft: ArticleDraft;
  /** The slug readers use now; differs from the draft's while a slug change awaits "Update". */
  liveSlug: string | null;
  live: boolean;
  everPublished: boolean;
  hasPendingChanges: boolean;
  updatedAt: string;
  lastSavedBy: string | null;
  coverPreview: { src: string; width: number; height: number } | null;
  may: { edit: boolean; publish: boolean; submit: boolean; delete: boolean; note: boolean };
};

export type SaveResult =
  | { ok: true; version: number; savedAt: string; slug: string }
  | { ok: false; reason: 'invalid'; message: string; errors: Record<string, string[]> }
  | { ok: false; reason: 'conflict'; message: string; theirs: EditorArticle }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'not-found'; message: string };

export type CreateResult = { ok: true; id: string; version: number; slug: string } | { ok: false; message: string; errors: Record<string, string[]> };

type SaveKind = 'autosave' | 'save' | 'restore';

async function toEditorArticle(tx: Tx, viewer: Viewer, row: EditorArticleRow): Promise<EditorArticle> {
  const lastRevision = await tx.revision.findFirst({
    where: { articleId: row.id },
    orderBy: { updatedAt: 'desc' },
    select: { createdBy: { select: { name: true } } },
  });
  const target = { authorIds: row.authors.map((author) => author.authorId), status: row.status };
  const live = isLive(row);
  const draft = currentDraft(row);
  const cover = draft.coverImageId ? await tx.media.findUnique({ where: { id: draft.coverImageId }, select: mediaSelect }) : null;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    draft,
    liveSlug: live ? row.slug : null,
    live,
    everPublished: row.firstPublishedAt !== null,
    hasPendingChanges: live && row.pendingChanges !== null,
    updatedAt: row.updatedAt.toISOString(),
    lastSavedBy: lastRevision?.createdBy?.name ?? null,
    coverPreview: cover ? { src: mediaUrl(cover.storageKey), width: cover.width, height: cover.height } : null,
    may: {
      edit: can(viewer, 'article.edit', target),
      publish: can(viewer, 'article.publish', target),
      submit: can(viewer, 'article.submitForReview', target) && row.status === 'DRAFT',
      delete: can(viewer, 'article.delete', target) && row.firstPublishedAt === null && !live,
      note: can(viewer, 'article.note', target),
    },
  };
}

/** The article as the editor shows it, or null when it does not exist or the viewer may not see it. */
export async function getEditorArticle(viewer: Viewer | null, articleId: string): Promise<EditorArticle | null> {
  assertCan(viewer, 'newsroom.enter');
  await catchUpScheduled();
  const db = getDb();
  return db.$transaction(async (tx) => {
    const row = await loadArticleFor(tx, viewer, articleId, 'article.read');
    return row ? toEditorArticle(tx, viewer, row) : null;
  });
}

/**
 * Validates the draft's slug (or makes one from the title) and its references; field errors when it cannot be
 * stored. Only what changed since `previous` is looked up, so an autosave of body text costs no extra query.
 */
async function prepareDraft(
  tx: Tx,
  viewer: Viewer,
  draft: ArticleDraft,
  articleId: string | null,
  previous: ArticleDraft | null,
): Promise<{ draft: ArticleDraft } | { errors: Record<string, string[]> }> {
  const errors = await missingReferences(tx, draft, previous);
  let slug = draft.slug;
  if (!slug) slug = previous && isSlugOfTitle(previous.slug, draft.title) ? previous.slug : await generateUniqueSlug(tx, draft.title, articleId);
  else if (slug !== previous?.slug && (await slugTakenByAnother(tx, slug, articleId))) errors.slug = ['Another article already uses this slug; choose a different one.'];
  if (viewer.role === 'FELLOW' && viewer.authorId && !draft.authorIds.includes(viewer.authorId)) {
    errors.authorIds = ['You must remain one of the authors of your article.'];
  }
  return Object.keys(errors).length > 0 ? { errors } : { draft: { ...draft, slug } };
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);
const sameRelations = (a: ArticleDraft, b: ArticleDraft) => sameIds(a.authorIds, b.authorIds) && sameIds(a.topicIds, b.topicIds);

/**
 * Creates a draft article; a fellow is always among its authors. A repeated `saveKey` (the first answer was lost)
 * answers with the article that save created instead of creating another.
 */
export async function createArticle(
  viewer: Viewer | null,
  input: ArticleDraftInput,
  options: { ip?: string | null; revisionKind?: string; saveKey?: string | null } = {},
): Promise<CreateResult> {
  assertCan(viewer, 'article.create');
  const parsed = articleDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Please correct the fields below.', errors: draftFieldErrors(parsed.error) };
  const saveKey = options.saveKey ?? null;
  return getDb().$transaction(async (tx) => {
    const earlier = saveKey ? await findRecordedSave(tx, viewer, saveKey) : null;
    if (earlier) return { ok: true, id: earlier.articleId, version: earlier.version, slug: earlier.slug };
    const prepared = await prepareDraft(tx, viewer, withFellowAsAuthor(viewer, parsed.data), null, null);
    if ('errors' in prepared) return { ok: false, message: 'Please correct the fields below.', errors: prepared.errors };
    const { draft } = prepared;
    const article = await tx.article.create({
      data: { ...draftToColumns(draft), publishedAt: draft.publishDate ? new Date(draft.publishDate) : null, status: 'DRAFT' },
      select: { id: true, version: true, slug: true },
    });
    await writeRelations(tx, article.id, draft);
    await recordRevision(tx, viewer, article.id, article.version, draft, options.revisionKind ?? 'create', saveKey);
    await recordAudit({ actorId: actorId(viewer), action: 'article.create', targetType: 'article', targetId: article.id, detail: { title: draft.title }, ip: options.ip ?? null }, tx);
    return { ok: true, id: article.id, version: article.version, slug: article.slug };
  });
}

/**
 * Saves the editor's draft if nobody saved since `baseVersion`. A live article keeps serving its published
 * version: the draft goes to its pending changes until "Update". A refused save is kept as a revision.
 * A repeated `saveKey` (the first answer was lost) gets the first save's answer: no second revision, and no
 * conflict with the version that save itself made.
 */
export async function saveArticleDraft(
  viewer: Viewer | null,
  articleId: string,
  baseVersion: number,
  input: ArticleDraftInput,
  kind: SaveKind,
  saveKey: string | null = null,
): Promise<SaveResult> {
  assertCan(viewer, 'newsroom.enter');
  const parsed = articleDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: 'Some fields need attention.', errors: draftFieldErrors(parsed.error) };
  return getDb().$transaction(async (tx) => {
    const row = await loadArticleFor(tx, viewer, articleId, 'article.read', { forUpdate: true });
    if (!row) return { ok: false, reason: 'not-found', message: 'This article no longer exists.' };
    if (!can(viewer, 'article.edit', { authorIds: row.authors.map((a) => a.authorId), status: row.status })) {
      return { ok: false, reason: 'forbidden', message: 'You can no longer edit this article: an editor has taken it over.' };
    }
    const earlier = saveKey ? await findRecordedSave(tx, viewer, saveKey) : null;
    if (earlier && earlier.articleId !== articleId) return { ok: false, reason: 'invalid', message: 'The save request was malformed; reload the page.', errors: {} };
    if (earlier && earlier.kind !== 'conflict') return { ok: true, version: earlier.version, savedAt: earlier.savedAt, slug: earlier.slug };
    if (row.version !== baseVersion) {
      if (!earlier) await recordRevision(tx, viewer, articleId, baseVersion, parsed.data, 'conflict', saveKey);
      return {
        ok: false,
        reason: 'conflict',
        message: 'Someone else saved this article while you were editing. Your text is kept; compare the two versions.',
        theirs: await toEditorArticle(tx, viewer, row),
      };
    }
    const previous = currentDraft(row);
    const prepared = await prepareDraft(tx, viewer, parsed.data, articleId, previous);
    if ('errors' in prepared) return { ok: false, reason: 'invalid', message: 'Some fields need attention.', errors: prepared.errors };
    const { draft } = prepared;
    const version = row.version + 1;
    const data: Prisma.ArticleUpdateInput = isLive(row)
      ? { version, pendingChanges: draft as unknown as Prisma.InputJsonValue }
      : { version, ...draftToColumns(draft), publishedAt: draft.publishDate ? new Date(draft.publishDate) : null };
    if (!isLive(row) && row.firstPublishedAt && draft.slug !== row.slug) await moveSlug(tx, articleId, row.slug, draft.slug);
    const updated = await tx.article.update({ where: { id: articleId }, data, select: { updatedAt: true } });
    if (!isLive(row) && !sameRelations(previous, draft)) await writeRelations(tx, articleId, draft);
    await recordRevision(tx, viewer, articleId, version, draft, kind, saveKey);
    return { ok: true, version, savedAt: updated.updatedAt.toISOString(), slug: draft.slug };
  });
}

export type EditorOptions = {
  authors: { id: string; name: string; position: string }[];
  topics: { id: string; name: string; kind: 'REGION' | 'THEME' }[];
};

/** Every author profile (with or without a login) and approved topic, for the editor's pickers. */
export async function listEditorOptions(viewer: Viewer | null): Promise<EditorOptions> {
  assertCan(viewer, 'article.create');
  const db = getDb();
  const [authors, topics] = await Promise.all([
    db.author.findMany({ where: { mergedIntoId: null, retired: false }, orderBy: { name: 'asc' }, select: { id: true, name: true, position: true } }),
    db.topic.findMany({ where: { status: 'APPROVED' }, orderBy: [{ kind: 'asc' }, { name: 'asc' }], select: { id: true, name: true, kind: true } }),
  ]);
  return { authors, topics };
}

/** Brings an earlier revision back as the current draft, itself a new revision; refused like any save on conflict. */
export async function restoreRevision(viewer: Viewer | null, articleId: string, revisionId: string, baseVersion: number, ip: string | null): Promise<SaveResult> {
  const [revision, current] = await Promise.all([getRevision(viewer, articleId, revisionId), getEditorArticle(viewer, articleId)]);
  if (!revision || !current) return { ok: false, reason: 'not-found', message: 'That revision does not exist.' };
  // The URL is not history: restoring old text keeps the article's current slug.
  const result = await saveArticleDraft(viewer, articleId, baseVersion, { ...revision.draft, slug: current.draft.slug }, 'restore');
  if (result.ok) {
    await recordAudit({ actorId: actorId(viewer!), action: 'article.restore', targetType: 'article', targetId: articleId, detail: { revisionId, version: result.version }, ip });
  }
  return result;
}
