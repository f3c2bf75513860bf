import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The editorial workflow on a real PostgreSQL: saves with versions and conflicts, revisions, publishing,
// pending changes of a live article, corrections, slug redirects, scheduling, previews and deletion.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let data: {
  drafts: typeof import('@/lib/data/article-drafts');
  workflow: typeof import('@/lib/data/article-workflow');
  revisions: typeof import('@/lib/data/article-revisions');
  preview: typeof import('@/lib/data/article-preview');
  articles: typeof import('@/lib/data/articles');
  auth: typeof import('@/lib/data/auth');
};
let editor: Viewer;
let fellow: Viewer;
let authorId: string;
let topicId: string;
let counter = 0;

const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

function readyDraft(title: string) {
  return { title, lead: `Lead of ${title}`, body: doc(`Body of ${title}`), authorIds: [authorId], topicIds: [topicId] };
}

async function newArticle(viewer: Viewer, input: Parameters<typeof data.drafts.createArticle>[1]) {
  const created = await data.drafts.createArticle(viewer, input);
  if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.errors)}`);
  return created;
}

async function publicTitle(slug: string): Promise<string | null> {
  const found = await data.articles.getPublishedArticleBySlug(slug);
  return found && 'article' in found ? found.article.title : null;
}

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  data = {
    drafts: await import('@/lib/data/article-drafts'),
    workflow: await import('@/lib/data/article-workflow'),
    revisions: await import('@/lib/data/article-revisions'),
    preview: await import('@/lib/data/article-preview'),
    articles: await import('@/lib/data/articles'),
    auth: await import('@/lib/data/auth'),
  };
  const author = await prisma.author.create({ data: { slug: 'lena-varga', name: 'Lena Varga', sortName: 'Varga, Lena', position: 'Fellow' } });
  authorId = author.id;
  topicId = (await prisma.topic.create({ data: { slug: 'baltic', name: 'Baltic', kind: 'REGION' } })).id;
  const viewerFor = async (role: 'EDITOR' | 'FELLOW', linkedAuthorId: string | null) => {
    const user = await prisma.user.create({ data: { email: `workflow-${role.toLowerCase()}-${counter++}@example.test`, name: `${role} person`, role, authorId: linkedAuthorId } });
    const viewer = await data.auth.getSessionViewer(user.id, user.sessionVersion);
    if (!viewer) throw new Error('viewer expected');
    return viewer;
  };
  editor = await viewerFor('EDITOR', null);
  fellow = await viewerFor('FELLOW', authorId);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('drafts and saves', () => {
  it('generates a unique transliterated slug and bumps the version on each save', async () => {
    const first = await newArticle(editor, { title: 'Как Россия видит Балтику', body: doc('x') });
    const second = await newArticle(editor, { title: 'Как Россия видит Балтику', body: doc('y') });
    expect(first.slug).toBe('kak-rossiya-vidit-baltiku');
    expect(second.slug).toBe('kak-rossiya-vidit-baltiku-2');
    const saved = await data.drafts.saveArticleDraft(editor, first.id, first.version, { title: 'Как Россия видит Балтику', slug: first.slug, body: doc('changed') }, 'save');
    expect(saved).toMatchObject({ ok: true, version: first.version + 1 });
  });

  it('refuses a save based on an old version, keeps the refused text as a revision, and hands back the other version', async () => {
    const article = await newArticle(editor, { title: 'Two editors', body: doc('original') });
    const theirs = await data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Two editors', body: doc('their words') }, 'autosave');
    expect(theirs.ok).toBe(true);
    const mine = await data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Two editors', body: doc('my words') }, 'autosave');
    expect(mine.ok).toBe(false);
    if (mine.ok || mine.reason !== 'conflict') throw new Error('conflict expected');
    expect(JSON.stringify(mine.theirs.draft.body)).toContain('their words');
    const revisions = await prisma.revision.findMany({ where: { articleId: article.id }, select: { kind: true, data: true } });
    expect(revisions.find((revision) => revision.kind === 'conflict')?.data).toMatchObject({ body: doc('my words') });
  });

  it('coalesces one person’s autosaves into one revision, but not manual saves', async () => {
    const article = await newArticle(editor, { title: 'Coalesced', body: doc('a') });
    let version = article.version;
    for (const text of ['b', 'c', 'd']) {
      const result = await data.drafts.saveArticleDraft(editor, article.id, version, { title: 'Coalesced', body: doc(text) }, 'autosave');
      if (!result.ok) throw new Error('save failed');
      version = result.version;
    }
    await data.drafts.saveArticleDraft(editor, article.id, version, { title: 'Coalesced', body: doc('e') }, 'save');
    const kinds = (await data.revisions.listRevisions(editor, article.id))!.map((revision) => revision.kind);
    expect(kinds).toEqual(['save', 'autosave', 'create']);
  });

  it('rejects invalid fields with messages and a slug used by another article', async () => {
    const taken = await newArticle(editor, { title: 'Taken slug', body: doc('a') });
    const article = await newArticle(editor, { title: 'Other', body: doc('b') });
    const result = await data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Other', slug: taken.slug, originalUrl: 'javascript:alert(1)', body: doc('b') }, 'save');
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('invalid expected');
    expect(result.errors.originalUrl?.[0]).toMatch(/http/);
    const second = await data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Other', slug: taken.slug, body: doc('b') }, 'save');
    expect(second).toMatchObject({ ok: false, reason: 'invalid', errors: { slug: [expect.stringMatching(/already uses/)] } });
  });

  it('restores an earlier revision as a new revision', async () => {
    const article = await newArticle(editor, { title: 'Restorable', body: doc('first text') });
    const saved = await data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Restorable', body: doc('second text') }, 'save');
    if (!saved.ok) throw new Error('save failed');
    const original = (await data.revisions.listRevisions(editor, article.id))!.find((revision) => revision.kind === 'create')!;
    const restored = await data.drafts.restoreRevision(editor, article.id, original.id, saved.version, null);
    expect(restored.ok).toBe(true);
    const current = await data.drafts.getEditorArticle(editor, article.id);
    expect(current?.draft.body).toEqual(doc('first text'));
    expect((await data.revisions.listRevisions(editor, article.id))![0]!.kind).toBe('restore');
  });
});

describe('publishing', () => {
  it('refuses to publish an incomplete article with the reasons', async () => {
    const article = await newArticle(editor, { title: '', body: doc() });
    const result = await data.workflow.publishArticle(editor, article.id, article.version, null);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok) return;
    expect(Object.keys(result.errors ?? {})).toEqual(expect.arrayContaining(['title', 'lead', 'body', 'authorIds']));
  });

  it('publishes, keeps readers on the published text while changes are pending, then updates with a correction', async () => {
    const article = await newArticle(editor, readyDraft('Grain corridors'));
    const published = await data.workflow.publishArticle(editor, article.id, article.version, null);
    if (!published.ok) throw new Error(published.message);
    expect(await publicTitle(article.slug)).toBe('Grain corridors');

    const edit = await data.drafts.saveArticleDraft(editor, article.id, published.version, { ...readyDraft('Grain corridors, revisited'), slug: 'grain-corridors-revisited' }, 'save');
    if (!edit.ok) throw new Error('save failed');
    expect(await publicTitle(article.slug)).toBe('Grain corridors');

    const updated = await data.workflow.updatePublishedArticle(editor, article.id, edit.version, { kind: 'CORRECTION', text: 'An earlier version misstated the tonnage.' }, null);
    expect(updated).toMatchObject({ ok: true, slug: 'grain-corridors-revisited' });
    expect(await publicTitle('grain-corridors-revisited')).toBe('Grain corridors, revisited');
    expect(await data.articles.getPublishedArticleBySlug(article.slug)).toEqual({ redirectTo: 'grain-corridors-revisited' });
    const found = await data.articles.getPublishedArticleBySlug('grain-corridors-revisited');
    expect(found && 'article' in found ? found.article.corrections : []).toMatchObject([{ kind: 'CORRECTION', text: 'An earlier version misstated the tonnage.' }]);
  });

  it('keeps a past publish date (an imported archive) and refuses a stale version', async () => {
    const article = await newArticle(editor, { ...readyDraft('From the archive'), publishDate: '2019-05-23T09:00:00.000Z' });
    expect(await data.workflow.publishArticle(editor, article.id, article.version + 5, null)).toMatchObject({ ok: false, reason: 'conflict' });
    const published = await data.workflow.publishArticle(editor, article.id, article.version, null);
    expect(published).toMatchObject({ ok: true, publishedAt: '2019-05-23T09:00:00.000Z' });
  });

  it('schedules an article that becomes public by the clock alone, and cancels a schedule', async () => {
    const article = await newArticle(editor, readyDraft('Scheduled piece'));
    const at = new Date(Date.now() + 60 * 60 * 1000);
    expect(await data.workflow.scheduleArticle(editor, article.id, article.version, new Date(Date.now() + 1000), null)).toMatchObject({ ok: false, reason: 'invalid' });
    const scheduled = await data.workflow.scheduleArticle(editor, article.id, article.version, at, null);
    expect(scheduled).toMatchObject({ ok: true, status: 'SCHEDULED' });
    expect(await publicTitle(article.slug)).toBeNull();
    // The clock passes the scheduled time: nobody acts.
    await prisma.article.update({ where: { id: article.id }, data: { publishedAt: new Date(Date.now() - 1000) } });
    expect(await publicTitle(article.slug)).toBe('Scheduled piece');
    expect((await data.drafts.getEditorArticle(editor, article.id))?.status).toBe('PUBLISHED');

    const other = await newArticle(editor, readyDraft('Cancelled piece'));
    await data.workflow.scheduleArticle(editor, other.id, other.version, at, null);
    expect(await data.workflow.cancelSchedule(editor, other.id, null)).toMatchObject({ ok: true, status: 'DRAFT' });
  });

  it('unpublishes, keeping pending changes as the archived text, and deletes only never-published drafts', async () => {
    const article = await newArticle(editor, readyDraft('Short-lived'));
    const published = await data.workflow.publishArticle(editor, article.id, article.version, null);
    if (!published.ok) throw new Error(published.message);
    await data.drafts.saveArticleDraft(editor, article.id, published.version, readyDraft('Short-lived, edited'), 'save');
    expect(await data.workflow.archiveArticle(editor, article.id, null)).toMatchObject({ ok: true, status: 'ARCHIVED' });
    expect(await publicTitle(article.slug)).toBeNull();
    expect((await data.drafts.getEditorArticle(editor, article.id))?.draft.title).toBe('Short-lived, edited');
    expect(await data.workflow.deleteArticle(editor, article.id, null)).toMatchObject({ ok: false, reason: 'state' });

    const draft = await newArticle(editor, readyDraft('Never published'));
    expect(await data.workflow.deleteArticle(editor, draft.id, null)).toMatchObject({ ok: true });
    expect(await prisma.article.count({ where: { id: draft.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { targetId: draft.id, action: 'article.delete' } })).toBe(1);
  });
});

describe('fellows', () => {
  it('lets a fellow write and submit their own draft, but never publish it', async () => {
    const article = await newArticle(fellow, { title: 'My analysis', body: doc('text') });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { authors: { select: { authorId: true } } } });
    expect(stored.authors.map((author) => author.authorId)).toEqual([authorId]);
    expect(await data.workflow.submitForReview(fellow, article.id, null)).toMatchObject({ ok: true, status: 'IN_REVIEW' });
    expect(await data.workflow.publishArticle(fellow, article.id, null, null)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('IN_REVIEW');
  });

  it('does not let a fellow remove themself from the authors or edit a published article', async () => {
    const article = await newArticle(fellow, { title: 'Mine', body: doc('text') });
    const result = await data.drafts.saveArticleDraft(fellow, article.id, article.version, { title: 'Mine', body: doc('text'), authorIds: [] }, 'save');
    expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: { authorIds: [expect.any(String)] } });
    const published = await newArticle(editor, readyDraft('Published by the desk'));
    await data.workflow.publishArticle(editor, published.id, published.version, null);
    const edit = await data.drafts.saveArticleDraft(fellow, published.id, published.version + 1, readyDraft('Hijacked'), 'save');
    expect(edit).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});

describe('share previews', () => {
  it('shows the draft through a link until it is revoked, counting each use', async () => {
    const article = await newArticle(editor, readyDraft('Previewed draft'));
    const link = await data.preview.createPreviewLink(editor, article.id, 3, null);
    if (!link.ok) throw new Error(link.message);
    expect((await data.preview.getSharedPreview(link.token, '203.0.113.9'))?.title).toBe('Previewed draft');
    const [listed] = (await data.preview.listPreviewLinks(editor, article.id))!;
    expect(listed).toMatchObject({ useCount: 1, revokedAt: null });
    expect(await prisma.auditEvent.count({ where: { targetId: article.id, action: 'article.previewLink.use' } })).toBe(1);
    await data.preview.revokePreviewLink(editor, article.id, listed!.id, null);
    expect(await data.preview.getSharedPreview(link.token, null)).toBeNull();
    expect(await data.preview.getSharedPreview('not-a-token', null)).toBeNull();
  });

  it('refuses an expired link', async () => {
    const article = await newArticle(editor, readyDraft('Expiring draft'));
    const link = await data.preview.createPreviewLink(editor, article.id, 1, null);
    if (!link.ok) throw new Error(link.message);
    await prisma.previewLink.updateMany({ where: { articleId: article.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await data.preview.getSharedPreview(link.token, null)).toBeNull();
  });
});
