import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { useIsolatedDatabase } from '../support/test-database';
import { createViewer } from '../support/viewers';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The editor retries a save whose answer was lost (the connection dropped after the commit) with the same key:
// the repeat must get the first answer, with no second revision and no conflict with the save itself.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let drafts: typeof import('@/lib/data/article-drafts');
let editor: Viewer;
let otherEditor: Viewer;
let keyCounter = 0;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const newKey = () => `save-key-${String(keyCounter++).padStart(8, '0')}`;

async function revisionsOf(articleId: string) {
  return prisma.revision.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' }, select: { kind: true, version: true, saveKey: true } });
}

async function newArticle(title: string) {
  const created = await drafts.createArticle(editor, { title, body: doc('first words') });
  if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.errors)}`);
  return created;
}

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  drafts = await import('@/lib/data/article-drafts');
  editor = await createViewer(prisma, 'idempotent-editor@example.test');
  otherEditor = await createViewer(prisma, 'idempotent-other@example.test');
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('a save repeated with the same key', () => {
  it('answers a repeated save with the first result and records one revision', async () => {
    const article = await newArticle('Exactly once');
    const key = newKey();
    const first = await drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Exactly once', body: doc('second words') }, 'save', key);
    const repeat = await drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Exactly once', body: doc('second words') }, 'save', key);

    expect(first).toMatchObject({ ok: true, version: article.version + 1 });
    // savedAt is the revision's time, a few milliseconds after the article row's.
    expect(repeat).toEqual({ ...first, savedAt: expect.any(String) });
    expect(await revisionsOf(article.id)).toEqual([
      { kind: 'create', version: article.version, saveKey: null },
      { kind: 'save', version: article.version + 1, saveKey: key },
    ]);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version + 1);
  });

  it('repeats a coalesced autosave without a conflict, then saves the next change on top of it', async () => {
    const article = await newArticle('Autosaved once');
    const first = await drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Autosaved once', body: doc('typed') }, 'autosave', newKey());
    if (!first.ok) throw new Error('first autosave failed');
    const key = newKey();
    const lost = await drafts.saveArticleDraft(editor, article.id, first.version, { title: 'Autosaved once', body: doc('typed more') }, 'autosave', key);
    const retried = await drafts.saveArticleDraft(editor, article.id, first.version, { title: 'Autosaved once', body: doc('typed more') }, 'autosave', key);
    const next = await drafts.saveArticleDraft(editor, article.id, first.version + 1, { title: 'Autosaved once', body: doc('typed even more') }, 'autosave', newKey());

    expect(retried).toEqual({ ...lost, savedAt: expect.any(String) });
    expect(next).toMatchObject({ ok: true, version: first.version + 2 });
    expect((await revisionsOf(article.id)).map((revision) => revision.kind)).toEqual(['create', 'autosave']);
  });

  it('still refuses a genuine conflict after the repeat, and repeats that refusal without another revision', async () => {
    const article = await newArticle('Two hands');
    const theirs = await drafts.saveArticleDraft(otherEditor, article.id, article.version, { title: 'Two hands', body: doc('theirs') }, 'save', newKey());
    expect(theirs.ok).toBe(true);
    const key = newKey();
    const mine = await drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Two hands', body: doc('mine') }, 'save', key);
    const mineAgain = await drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Two hands', body: doc('mine') }, 'save', key);

    expect(mine).toMatchObject({ ok: false, reason: 'conflict' });
    expect(mineAgain).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await revisionsOf(article.id)).map((revision) => revision.kind)).toEqual(['create', 'save', 'conflict']);
  });

  it('does not let a key saved for one article answer for another', async () => {
    const one = await newArticle('First article');
    const two = await newArticle('Second article');
    const key = newKey();
    expect(await drafts.saveArticleDraft(editor, one.id, one.version, { title: 'First article', body: doc('edit') }, 'save', key)).toMatchObject({ ok: true });
    const misused = await drafts.saveArticleDraft(editor, two.id, two.version, { title: 'Second article', body: doc('edit') }, 'save', key);

    expect(misused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await revisionsOf(two.id)).toHaveLength(1);
  });
});

describe('a create repeated with the same key', () => {
  it('answers with the article the first create made instead of creating a second one', async () => {
    const key = newKey();
    const input = { title: 'Created once', body: doc('new') };
    const first = await drafts.createArticle(editor, input, { saveKey: key });
    const repeat = await drafts.createArticle(editor, input, { saveKey: key });

    expect(first.ok).toBe(true);
    expect(repeat).toEqual(first);
    expect(await prisma.article.count({ where: { title: 'Created once' } })).toBe(1);
  });
});
