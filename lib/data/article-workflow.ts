import 'server-only';
import { assertCan, ForbiddenError, type Viewer } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { publishProblems, type ArticleDraft } from '@/lib/validation/article';
import { catchUpScheduled } from './article-schedule';
import { recordRevision } from './article-revisions';
import { actorId, currentDraft, draftToColumns, isLive, loadArticleFor, moveSlug, slugTakenByAnother, writeRelations, type EditorArticleRow, type Tx } from './article-store';
import { recordAudit } from './audit';

// Status changes of an article. Each runs in one transaction with the article row locked, so a crash leaves
// it either fully changed or untouched, and each is an audit event. Only staff publish, schedule, update,
// unpublish and archive (lib/auth/permissions.ts); fellows submit for review.

export type WorkflowResult =
  | { ok: true; version: number; status: string; slug: string; publishedAt: string | null }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'state'; message: string; errors?: Record<string, string[]> };

export type CorrectionNote = { kind: 'CORRECTION' | 'UPDATE'; text: string };

type Context = { tx: Tx; viewer: Viewer; row: EditorArticleRow; ip: string | null };

const notFound: WorkflowResult = { ok: false, reason: 'not-found', message: 'This article does not exist.' };
const SCHEDULE_MIN_LEAD_MS = 30_000;

/** Runs a status change on the locked article after checking the viewer may do `action` to it. */
async function transition(
  viewer: Viewer | null,
  articleId: string,
  action: 'article.publish' | 'article.submitForReview' | 'article.delete',
  ip: string | null,
  baseVersion: number | null,
  change: (context: Context) => Promise<WorkflowResult>,
): Promise<WorkflowResult> {
  assertCan(viewer, 'newsroom.enter');
  await catchUpScheduled();
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await loadArticleFor(tx, viewer, articleId, action, { forUpdate: true });
      if (!row) return notFound;
      if (baseVersion !== null && row.version !== baseVersion) {
        return { ok: false, reason: 'conflict', message: 'Someone else saved this article in the meantime. Review their changes, then try again.' };
      }
      return change({ tx, viewer, row, ip });
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, reason: 'forbidden', message: 'You are not allowed to do that.' };
    throw error;
  }
}

function invalid(errors: Record<string, string[]>): WorkflowResult {
  return { ok: false, reason: 'invalid', message: 'The article is not ready: ' + Object.values(errors).flat().join(' '), errors };
}

function wrongState(message: string): WorkflowResult {
  return { ok: false, reason: 'state', message };
}

async function finish(context: Context, data: Prisma.ArticleUpdateInput, auditAction: string, draft: ArticleDraft | null, detail: Prisma.InputJsonObject = {}): Promise<WorkflowResult> {
  const { tx, viewer, row, ip } = context;
  const version = row.version + 1;
  const updated = await tx.article.update({ where: { id: row.id }, data: { ...data, version }, select: { status: true, slug: true, publishedAt: true } });
  if (draft) await recordRevision(tx, viewer, row.id, version, draft, auditAction.replace('article.', ''));
  await recordAudit({ actorId: actorId(viewer), action: auditAction, targetType: 'article', targetId: row.id, detail: { ...detail, slug: updated.slug, status: updated.status }, ip }, tx);
  return { ok: true, version, status: updated.status, slug: updated.slug, publishedAt: updated.publishedAt?.toISOString() ?? null };
}

/** A fellow hands their draft to the editors. */
export async function submitForReview(viewer: Viewer | null, articleId: string, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.submitForReview', ip, null, async (context) => {
    if (context.row.status !== 'DRAFT') return wrongState('Only a draft can be submitted for review.');
    return finish(context, { status: 'IN_REVIEW' }, 'article.submit', null);
  });
}

/** Publishes now (or at the draft's publish date when that lies in the past, so an imported archive keeps its date). */
export async function publishArticle(viewer: Viewer | null, articleId: string, baseVersion: number | null, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.publish', ip, baseVersion, async (context) => {
    const { row } = context;
    if (isLive(row)) return wrongState('This article is already published; use Update to publish changes.');
    const draft = currentDraft(row);
    const problems = publishProblems(draft);
    if (Object.keys(problems).length > 0) return invalid(problems);
    const now = new Date();
    const requested = draft.publishDate ? new Date(draft.publishDate) : null;
    // A scheduled article published early, or a future date, publishes now; a past date is kept.
    const publishedAt = requested && requested <= now && row.status !== 'SCHEDULED' ? requested : now;
    return finish(context, { status: 'PUBLISHED', publishedAt, firstPublishedAt: row.firstPublishedAt ?? publishedAt }, 'article.publish', { ...draft, publishDate: publishedAt.toISOString() });
  });
}

/** Schedules the article for a future time; it becomes public then with nobody acting. */
export async function scheduleArticle(viewer: Viewer | null, articleId: string, baseVersion: number | null, at: Date, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.publish', ip, baseVersion, async (context) => {
    const { row } = context;
    if (isLive(row)) return wrongState('This article is already published.');
    if (Number.isNaN(at.getTime()) || at.getTime() < Date.now() + SCHEDULE_MIN_LEAD_MS) {
      return invalid({ publishDate: ['Choose a publish date at least a minute in the future to schedule.'] });
    }
    const draft = currentDraft(row);
    const problems = publishProblems(draft);
    if (Object.keys(problems).length > 0) return invalid(problems);
    return finish(context, { status: 'SCHEDULED', publishedAt: at }, 'article.schedule', { ...draft, publishDate: at.toISOString() }, { at: at.toISOString() });
  });
}

/** A scheduled article goes back to being a draft; its chosen date stays in the "Publish date" field. */
export async function cancelSchedule(viewer: Viewer | null, articleId: string, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.publish', ip, null, async (context) => {
    if (context.row.status !== 'SCHEDULED' || isLive(context.row)) return wrongState('This article is not scheduled.');
    return finish(context, { status: 'DRAFT' }, 'article.cancelSchedule', null);
  });
}

/** Publishes the pending changes of a live article, with an optional public correction or update note. */
export async function updatePublishedArticle(viewer: Viewer | null, articleId: string, baseVersion: number | null, note: CorrectionNote | null, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.publish', ip, baseVersion, async (context) => {
    const { tx, row } = context;
    if (!isLive(row)) return wrongState('Only a published article can be updated; publish it instead.');
    const draft = currentDraft(row);
    const problems = publishProblems(draft);
    if (Object.keys(problems).length > 0) return invalid(problems);
    if (draft.slug !== row.slug && (await slugTakenByAnother(tx, draft.slug, row.id))) {
      return invalid({ slug: ['Another article already uses this slug; choose a different one.'] });
    }
    await moveSlug(tx, row.id, row.slug, draft.slug);
    await writeRelations(tx, row.id, draft);
    if (note) await tx.correction.create({ data: { articleId: row.id, kind: note.kind, text: note.text } });
    const publishedAt = draft.publishDate ? new Date(draft.publishDate) : row.publishedAt;
    return finish(
      context,
      { ...draftToColumns(draft), publishedAt, pendingChanges: Prisma.DbNull, contentUpdatedAt: new Date() },
      'article.update',
      draft,
      note ? { note: note.kind } : {},
    );
  });
}

/**
 * Takes the article off every public surface ("Unpublish"), or shelves one never published ("Archive").
 * Pending changes of a live article become its archived text, so nothing typed is lost.
 */
export async function archiveArticle(viewer: Viewer | null, articleId: string, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.publish', ip, null, async (context) => {
    const { tx, row } = context;
    if (row.status === 'ARCHIVED') return wrongState('This article is already archived.');
    const live = isLive(row);
    if (!live) return finish(context, { status: 'ARCHIVED' }, 'article.archive', null);
    const draft = currentDraft(row);
    await moveSlug(tx, row.id, row.slug, draft.slug);
    await writeRelations(tx, row.id, draft);
    return finish(context, { ...draftToColumns(draft), status: 'ARCHIVED', pendingChanges: Prisma.DbNull }, 'article.unpublish', null);
  });
}

/** Deletes a draft that was never published; anything readers may have seen is archived instead. */
export async function deleteArticle(viewer: Viewer | null, articleId: string, ip: string | null): Promise<WorkflowResult> {
  return transition(viewer, articleId, 'article.delete', ip, null, async ({ tx, viewer: actor, row }) => {
    if (row.firstPublishedAt !== null || isLive(row) || row.status === 'SCHEDULED') {
      return wrongState('Only a draft that was never published can be deleted; archive this one instead.');
    }
    await recordAudit({ actorId: actorId(actor), action: 'article.delete', targetType: 'article', targetId: row.id, detail: { title: row.title, slug: row.slug }, ip }, tx);
    await tx.article.delete({ where: { id: row.id } });
    return { ok: true, version: row.version, status: 'DELETED', slug: row.slug, publishedAt: null };
  });
}

export type BulkAction = 'publish' | 'unpublish' | 'archive';
export type BulkResult = { done: number; refused: { id: string; message: string }[] };

/** The dashboard's bulk actions: each article on its own, so one refusal does not block the rest. */
export async function applyBulkAction(viewer: Viewer | null, articleIds: string[], action: BulkAction, ip: string | null): Promise<BulkResult> {
  assertCan(viewer, 'article.publish');
  const result: BulkResult = { done: 0, refused: [] };
  for (const articleId of articleIds) {
    const outcome =
      action === 'publish'
        ? await publishArticle(viewer, articleId, null, ip)
        : await (async () => {
            const row = await getDb().article.findUnique({ where: { id: articleId }, select: { status: true, publishedAt: true } });
            if (action === 'unpublish' && row && !isLive(row)) return wrongState('It is not published.');
            return archiveArticle(viewer, articleId, ip);
          })();
    if (outcome.ok) result.done += 1;
    else result.refused.push({ id: articleId, message: outcome.message });
  }
  return result;
}
