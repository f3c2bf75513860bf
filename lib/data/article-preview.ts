import 'server-only';
import crypto from 'node:crypto';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { ArticleDraft } from '@/lib/validation/article';
import { actorId, currentDraft, editorArticleSelect, loadArticleFor, type Tx } from './article-store';
import { recordAudit } from './audit';
import type { ArticleDetail, CorrectionDto } from './dto';
import { authorCardSelect, mediaSelect, toAuthorCard, toImage, toTopicRefs, topicRefSelect } from './mappers';

// Previews render the current draft through the same DTO and components as the public article page, so what
// the editor sees is what readers will see. Share links give one draft to someone without an account.

export const MAX_PREVIEW_LINK_DAYS = 30;

export type PreviewLinkDto = { id: string; createdAt: string; expiresAt: string; revokedAt: string | null; lastUsedAt: string | null; useCount: number; createdBy: string | null };

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function draftToArticleDetail(tx: Tx, articleId: string, draft: ArticleDraft, meta: { publishedAt: Date | null; corrections: CorrectionDto[] }): Promise<ArticleDetail> {
  const [authors, topics, cover] = await Promise.all([
    tx.author.findMany({ where: { id: { in: draft.authorIds } }, select: { id: true, ...authorCardSelect } }),
    tx.topic.findMany({ where: { id: { in: draft.topicIds } }, select: topicRefSelect }),
    draft.coverImageId ? tx.media.findUnique({ where: { id: draft.coverImageId }, select: mediaSelect }) : Promise.resolve(null),
  ]);
  const orderedAuthors = draft.authorIds.flatMap((id) => authors.filter((author) => author.id === id));
  const publishedAt = draft.publishDate ?? meta.publishedAt?.toISOString() ?? new Date().toISOString();
  return {
    id: articleId,
    slug: draft.slug,
    title: draft.title || 'Untitled',
    lead: draft.lead,
    publishedAt,
    authors: orderedAuthors.map((author) => ({ slug: author.slug, name: author.name })),
    topics: toTopicRefs(topics.map((topic) => ({ topic }))),
    body: draft.body,
    language: draft.language,
    updatedAt: null,
    original: draft.originalOutlet
      ? { outlet: draft.originalOutlet, url: draft.originalUrl || null, publishedAt: draft.originalPublishedAt }
      : null,
    source: draft.sourceTitle ? { title: draft.sourceTitle, url: draft.sourceUrl || null } : null,
    canonicalUrl: draft.canonicalToOriginal && draft.originalUrl ? draft.originalUrl : null,
    seoTitle: draft.seoTitle || null,
    seoDescription: draft.seoDescription || null,
    coverImage: toImage(cover, draft.coverAlt),
    corrections: meta.corrections,
    authorCards: orderedAuthors.map(toAuthorCard),
    translations: [],
  };
}

async function correctionsOf(tx: Tx, articleId: string): Promise<CorrectionDto[]> {
  const rows = await tx.correction.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' }, select: { kind: true, text: true, createdAt: true } });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The current draft as readers would see it; null when the viewer may not see the article. */
export async function getArticlePreview(viewer: Viewer | null, articleId: string): Promise<ArticleDetail | null> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    const row = await loadArticleFor(tx, viewer, articleId, 'article.read');
    if (!row) return null;
    return draftToArticleDetail(tx, row.id, currentDraft(row), { publishedAt: row.publishedAt, corrections: await correctionsOf(tx, row.id) });
  });
}

/** Creates a private preview link valid for `days`; the token is shown once and stored only as a hash. */
export async function createPreviewLink(viewer: Viewer | null, articleId: string, days: number, ip: string | null): Promise<{ ok: true; token: string; expiresAt: string } | { ok: false; reason?: 'not-found'; message: string }> {
  assertCan(viewer, 'newsroom.enter');
  if (!Number.isInteger(days) || days < 1 || days > MAX_PREVIEW_LINK_DAYS) return { ok: false, message: `Choose between 1 and ${MAX_PREVIEW_LINK_DAYS} days.` };
  return getDb().$transaction(async (tx) => {
    const row = await loadArticleFor(tx, viewer, articleId, 'article.edit');
    if (!row) return { ok: false, reason: 'not-found', message: 'This article does not exist.' };
    const token = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
    const link = await tx.previewLink.create({ data: { articleId, tokenHash: hashToken(token), createdById: actorId(viewer), expiresAt }, select: { id: true } });
    await recordAudit({ actorId: actorId(viewer), action: 'article.previewLink.create', targetType: 'article', targetId: articleId, detail: { linkId: link.id, expiresAt: expiresAt.toISOString() }, ip }, tx);
    return { ok: true, token, expiresAt: expiresAt.toISOString() };
  });
}

/** The article's share links, newest first; null when the viewer may not see the article. */
export async function listPreviewLinks(viewer: Viewer | null, articleId: string): Promise<PreviewLinkDto[] | null> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.read'))) return null;
    const links = await tx.previewLink.findMany({
      where: { articleId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, useCount: true, createdBy: { select: { name: true } } },
    });
    return links.map((link) => ({
      id: link.id,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
      useCount: link.useCount,
      createdBy: link.createdBy?.name ?? null,
    }));
  });
}

export async function revokePreviewLink(viewer: Viewer | null, articleId: string, linkId: string, ip: string | null): Promise<{ ok: boolean; reason?: 'not-found'; message: string }> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.edit'))) return { ok: false, reason: 'not-found', message: 'This article does not exist.' };
    const revoked = await tx.previewLink.updateMany({ where: { id: linkId, articleId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) return { ok: false, message: 'That link is already revoked or does not exist.' };
    await recordAudit({ actorId: actorId(viewer), action: 'article.previewLink.revoke', targetType: 'article', targetId: articleId, detail: { linkId }, ip }, tx);
    return { ok: true, message: 'The link no longer works.' };
  });
}

/** The draft behind a share link, or null when the token is unknown, expired or revoked; every use is logged. */
export async function getSharedPreview(token: string, ip: string | null): Promise<ArticleDetail | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  return getDb().$transaction(async (tx) => {
    const link = await tx.previewLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, articleId: true, expiresAt: true, revokedAt: true } });
    if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
    await tx.previewLink.update({ where: { id: link.id }, data: { useCount: { increment: 1 }, lastUsedAt: new Date() } });
    await recordAudit({ actorId: null, action: 'article.previewLink.use', targetType: 'article', targetId: link.articleId, detail: { linkId: link.id }, ip }, tx);
    const row = await tx.article.findUnique({ where: { id: link.articleId }, select: editorArticleSelect });
    if (!row) return null;
    return draftToArticleDetail(tx, row.id, currentDraft(row), { publishedAt: row.publishedAt, corrections: await correctionsOf(tx, row.id) });
  });
}
