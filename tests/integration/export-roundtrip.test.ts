import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { Prisma } from '../../lib/generated/prisma/client';
import { loadDemoContent } from '../../prisma/demo/load';
import { exportSchema } from '../../scripts/lib/export-format';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';
import { useIsolatedDatabase } from '../support/test-database';

// The portable export as an operator uses it: demo content plus editorial history in one database, exported by
// the CLI, imported into a second empty database, exported again. Both files must be the same bytes, and the
// data layer must read the same articles, revisions and redirects from the restored database.

process.env.PUBLIC_CACHE = 'off';

const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

let workDir: string;
let sourceUrl: string;
let restoredUrl: string;
let prisma: ScriptPrisma;

function cli(args: string[], databaseUrl: string) {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: path.join(workDir, 'data') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const loadData = async () => ({
  auth: await import('@/lib/data/auth'),
  drafts: await import('@/lib/data/article-drafts'),
  workflow: await import('@/lib/data/article-workflow'),
  revisions: await import('@/lib/data/article-revisions'),
  notes: await import('@/lib/data/article-notes'),
  articles: await import('@/lib/data/articles'),
});
type Data = Awaited<ReturnType<typeof loadData>>;

type History = { coAuthoredId: string; oldSlug: string; newSlug: string; scheduledId: string; editorId: string };
let history: History;

async function editorViewer(data: Data): Promise<Viewer> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: 'editor@dispatch.test' } });
  const viewer = await data.auth.getSessionViewer(user.id, user.sessionVersion);
  if (!viewer) throw new Error('the demo editor should be a valid viewer');
  return viewer;
}

/** Revisions, autosaves, a co-authored article published then corrected under a new slug, a note, a scheduled piece. */
async function writeEditorialHistory(data: Data): Promise<History> {
  const editor = await editorViewer(data);
  const authors = await prisma.author.findMany({ orderBy: { slug: 'asc' }, take: 2, select: { id: true } });
  const topic = await prisma.topic.findFirstOrThrow({ orderBy: { slug: 'asc' } });
  const draft = { title: 'Grain corridors after the thaw', lead: 'Who ships what, and where.', body: doc('First draft.'), authorIds: authors.map((a) => a.id), topicIds: [topic.id] };

  const created = await data.drafts.createArticle(editor, draft);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const autosaved = await data.drafts.saveArticleDraft(editor, created.id, created.version, { ...draft, slug: created.slug, body: doc('Second draft.') }, 'autosave');
  if (!autosaved.ok) throw new Error(autosaved.message);
  const saved = await data.drafts.saveArticleDraft(editor, created.id, autosaved.version, { ...draft, slug: created.slug, body: doc('Final text.') }, 'save');
  if (!saved.ok) throw new Error(saved.message);
  expect(await data.workflow.publishArticle(editor, created.id, saved.version, null)).toMatchObject({ ok: true });

  const live = await prisma.article.findUniqueOrThrow({ where: { id: created.id } });
  const newSlug = `${created.slug}-corrected`;
  const edited = await data.drafts.saveArticleDraft(editor, created.id, live.version, { ...draft, slug: newSlug, body: doc('Final text, with the right tonnage.') }, 'save');
  if (!edited.ok) throw new Error(edited.message);
  const correction = { kind: 'CORRECTION' as const, text: 'An earlier version gave the wrong tonnage.' };
  expect(await data.workflow.updatePublishedArticle(editor, created.id, edited.version, correction, null)).toMatchObject({ ok: true });
  const pending = await prisma.article.findUniqueOrThrow({ where: { id: created.id } });
  const unpublishedEdit = await data.drafts.saveArticleDraft(editor, created.id, pending.version, { ...draft, slug: newSlug, body: doc('Edits not yet published.') }, 'autosave');
  if (!unpublishedEdit.ok) throw new Error(unpublishedEdit.message);
  expect(await data.notes.addArticleNote(editor, created.id, 'Check the tonnage with the port authority.')).toMatchObject({ ok: true });

  const scheduledDraft = { ...draft, title: 'Elections in the spring', body: doc('Scheduled text.'), authorIds: [authors[0]!.id] };
  const scheduled = await data.drafts.createArticle(editor, scheduledDraft);
  if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.errors));
  const inTenDays = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
  expect(await data.workflow.scheduleArticle(editor, scheduled.id, scheduled.version, inTenDays, null)).toMatchObject({ ok: true });

  await prisma.setting.create({ data: { key: 'profiles.requireApproval', value: { enabled: true } } });
  return { coAuthoredId: created.id, oldSlug: created.slug, newSlug, scheduledId: scheduled.id, editorId: editor.id };
}

/** What readers and the newsroom see of the history, through the data layer. */
async function readThroughDataLayer(data: Data) {
  const editor = await editorViewer(data);
  return {
    article: await data.articles.getPublishedArticleBySlug(history.newSlug),
    redirect: await data.articles.getPublishedArticleBySlug(history.oldSlug),
    scheduledPublicly: await data.articles.getPublishedArticleBySlug((await prisma.article.findUniqueOrThrow({ where: { id: history.scheduledId } })).slug),
    listing: await data.articles.listPublishedArticles(1),
    revisions: await data.revisions.listRevisions(editor, history.coAuthoredId),
    editorView: await data.drafts.getEditorArticle(editor, history.coAuthoredId),
    scheduledEditorView: await data.drafts.getEditorArticle(editor, history.scheduledId),
    notes: await data.notes.listArticleNotes(editor, history.coAuthoredId),
  };
}

let sourceReads: Awaited<ReturnType<typeof readThroughDataLayer>>;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-export-'));
  restoredUrl = await useIsolatedDatabase();
  sourceUrl = await useIsolatedDatabase();
  prisma = createScriptPrisma(sourceUrl);
  await loadDemoContent(prisma, { mediaDir: path.join(workDir, 'media') });
  const data = await loadData();
  history = await writeEditorialHistory(data);
  sourceReads = await readThroughDataLayer(data);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('export and import-export', () => {
  it('writes every column of every exported model, and no password hash unless asked', () => {
    const exported = path.join(workDir, 'plain.json');
    const result = cli(['export', exported], sourceUrl);
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    const file = exportSchema.parse(JSON.parse(fs.readFileSync(exported, 'utf8')));
    expect(file.passwordHashesIncluded).toBe(false);
    expect(file.users.every((user) => !('passwordHash' in user))).toBe(true);
    expect(fs.readFileSync(exported, 'utf8')).not.toContain('$argon2');

    // A column added to the schema later must be added to the format too, or this fails.
    const keysOf = (shape: object, nested: string[] = []) => [...Object.keys(shape), ...nested].sort();
    const topLevel = exportSchema.shape;
    const element = <T extends { element: { shape: object } }>(array: T) => array.element.shape;
    const scalar = (fields: Record<string, string>, foreignKeys: string[] = []) => Object.keys(fields).filter((key) => !foreignKeys.includes(key)).sort();
    expect(keysOf(element(topLevel.users))).toEqual(scalar(Prisma.UserScalarFieldEnum));
    expect(keysOf(element(topLevel.media))).toEqual(scalar(Prisma.MediaScalarFieldEnum));
    expect(keysOf(element(topLevel.topics))).toEqual(scalar(Prisma.TopicScalarFieldEnum));
    expect(keysOf(element(topLevel.settings))).toEqual(scalar(Prisma.SettingScalarFieldEnum));
    expect(keysOf(element(topLevel.auditEvents))).toEqual(scalar(Prisma.AuditEventScalarFieldEnum));
    expect(keysOf(element(topLevel.authors))).toEqual(keysOf(Prisma.AuthorScalarFieldEnum, ['competences', 'revisions', 'slugRedirects']));
    expect(keysOf(element(topLevel.articles))).toEqual(keysOf(Prisma.ArticleScalarFieldEnum, ['authors', 'topicIds', 'revisions', 'corrections', 'notes', 'slugRedirects']));
    const articleShape = element(topLevel.articles) as typeof topLevel.articles.element.shape;
    expect(keysOf(element(articleShape.revisions))).toEqual(scalar(Prisma.RevisionScalarFieldEnum, ['articleId']));
    expect(keysOf(element(articleShape.corrections))).toEqual(scalar(Prisma.CorrectionScalarFieldEnum, ['articleId']));
    expect(keysOf(element(articleShape.notes))).toEqual(scalar(Prisma.ArticleNoteScalarFieldEnum, ['articleId']));
    expect(keysOf(element(articleShape.slugRedirects))).toEqual(scalar(Prisma.SlugRedirectScalarFieldEnum, ['articleId']));
    const authorShape = element(topLevel.authors) as typeof topLevel.authors.element.shape;
    expect(keysOf(element(authorShape.revisions))).toEqual(scalar(Prisma.AuthorRevisionScalarFieldEnum, ['authorId']));
  }, 120_000);

  it('restores into an empty database so that exporting again gives the identical file', async () => {
    const first = path.join(workDir, 'first.json');
    const second = path.join(workDir, 'second.json');
    expect(cli(['export', first, '--with-password-hashes'], sourceUrl).code).toBe(0);
    const file = exportSchema.parse(JSON.parse(fs.readFileSync(first, 'utf8')));
    const coAuthored = file.articles.find((article) => article.id === history.coAuthoredId)!;
    expect(coAuthored.authors).toHaveLength(2);
    expect(coAuthored.revisions.map((revision) => revision.kind)).toEqual(expect.arrayContaining(['create', 'autosave', 'save', 'publish', 'update']));
    expect(coAuthored.corrections).toHaveLength(1);
    expect(coAuthored.notes).toHaveLength(1);
    expect(coAuthored.slugRedirects.map((redirect) => redirect.slug)).toEqual([history.oldSlug]);
    expect(coAuthored.pendingChanges).not.toBeNull();
    expect(file.articles.find((article) => article.id === history.scheduledId)?.status).toBe('SCHEDULED');
    expect(file.users.every((user) => user.passwordHash?.startsWith('$argon2'))).toBe(true);
    expect(file.media.length).toBeGreaterThan(0);
    expect(file.auditEvents.length).toBeGreaterThan(0);

    const imported = cli(['import-export', first], restoredUrl);
    expect(imported.stderr).not.toContain('Error');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported ${file.articles.length} articles`);
    expect(cli(['export', second, '--with-password-hashes'], restoredUrl).code).toBe(0);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));

    // The data layer keeps one client per process; it is pointed at the restored database by loading it afresh.
    const globalClient = globalThis as unknown as { dispatchPrisma?: { $disconnect(): Promise<void> } };
    await globalClient.dispatchPrisma?.$disconnect();
    delete globalClient.dispatchPrisma;
    process.env.DATABASE_URL = restoredUrl;
    vi.resetModules();
    await prisma.$disconnect();
    prisma = createScriptPrisma(restoredUrl);
    const restoredReads = await readThroughDataLayer(await loadData());
    expect(restoredReads.article).toMatchObject({ article: { title: 'Grain corridors after the thaw', corrections: [{ text: 'An earlier version gave the wrong tonnage.' }] } });
    expect(restoredReads.redirect).toEqual({ redirectTo: history.newSlug });
    expect(restoredReads.scheduledPublicly).toBeNull();
    expect(restoredReads).toEqual(sourceReads);
  }, 240_000);

  it('refuses to import into a database that holds content, and a file that is not an export', () => {
    const first = path.join(workDir, 'first.json');
    const refused = cli(['import-export', first], sourceUrl);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('only imported into an empty database');

    const notAnExport = path.join(workDir, 'not-an-export.json');
    fs.writeFileSync(notAnExport, JSON.stringify({ format: 'dispatch-export', formatVersion: 1, articles: 'many' }));
    const invalid = cli(['import-export', notAnExport], sourceUrl);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('does not match the export format; nothing was imported');
    fs.writeFileSync(notAnExport, JSON.stringify({ format: 'dispatch-export', formatVersion: 99 }));
    expect(cli(['import-export', notAnExport], sourceUrl).stderr).toContain('reads formatVersion 1');
  }, 120_000);
});
