import 'server-only';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleDraft } from '@/lib/validation/article';
import { actorId, loadArticleFor, parseStoredDraft, type Tx } from './article-store';

/** Autosaves by the same person within this window update one revision instead of piling up. */
export const AUTOSAVE_COALESCE_MS = 5 * 60 * 1000;

export type RevisionKind = 'create' | 'autosave' | 'save' | 'conflict' | 'restore' | 'publish' | 'update' | 'import';

export type RevisionSummary = { id: string; version: number; kind: string; createdAt: string; updatedAt: string; createdBy: string | null };
export type RevisionDetail = RevisionSummary & { draft: ArticleDraft };

/**
 * Records a save as a revision; consecutive autosaves of one person coalesce. `saveKey` is the editor's id for the
 * save, kept so that a repeat of it (its answer was lost) finds this revision instead of saving again.
 */
export async function recordRevision(
  tx: Tx,
  viewer: Viewer,
  articleId: string,
  version: number,
  draft: ArticleDraft,
  kind: RevisionKind | string,
  saveKey: string | null = null,
): Promise<string> {
  const data = draft as unknown as Prisma.InputJsonValue;
  const createdById = actorId(viewer);
  if (kind === 'autosave') {
    const latest = await tx.revision.findFirst({ where: { articleId }, orderBy: { updatedAt: 'desc' }, select: { id: true, kind: true, createdById: true, createdAt: true } });
    if (latest && latest.kind === 'autosave' && latest.createdById === createdById && Date.now() - latest.createdAt.getTime() < AUTOSAVE_COALESCE_MS) {
      await tx.revision.update({ where: { id: latest.id }, data: { data, version, ...(saveKey ? { saveKey } : {}) } });
      return latest.id;
    }
  }
  const revision = await tx.revision.create({ data: { articleId, version, data, kind, createdById, saveKey }, select: { id: true } });
  return revision.id;
}

export type RecordedSave = { articleId: string; version: number; kind: string; savedAt: string; slug: string };

/** What the viewer's save with this key wrote, when it committed; null when it never landed. */
export async function findRecordedSave(tx: Tx, viewer: Viewer, saveKey: string): Promise<RecordedSave | null> {
  const row = await tx.revision.findFirst({
    where: { saveKey, createdById: actorId(viewer) },
    select: { articleId: true, version: true, kind: true, updatedAt: true, data: true },
  });
  if (!row) return null;
  return { articleId: row.articleId, version: row.version, kind: row.kind, savedAt: row.updatedAt.toISOString(), slug: parseStoredDraft(row.data)?.slug ?? '' };
}

const summarySelect = { id: true, version: true, kind: true, createdAt: true, updatedAt: true, createdBy: { select: { name: true } } } satisfies Prisma.RevisionSelect;

function toSummary(row: Prisma.RevisionGetPayload<{ select: typeof summarySelect }>): RevisionSummary {
  return { id: row.id, version: row.version, kind: row.kind, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), createdBy: row.createdBy?.name ?? null };
}

/** The article's revisions, newest first; null when the viewer may not see the article. */
export async function listRevisions(viewer: Viewer | null, articleId: string): Promise<RevisionSummary[] | null> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.read'))) return null;
    const rows = await tx.revision.findMany({ where: { articleId }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: 200, select: summarySelect });
    return rows.map(toSummary);
  });
}

/** One revision with its draft; null when it does not exist for this article or the viewer may not see it. */
export async function getRevision(viewer: Viewer | null, articleId: string, revisionId: string): Promise<RevisionDetail | null> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.read'))) return null;
    const row = await tx.revision.findFirst({ where: { id: revisionId, articleId }, select: { ...summarySelect, data: true } });
    const draft = row ? parseStoredDraft(row.data) : null;
    return row && draft ? { ...toSummary(row), draft } : null;
  });
}
