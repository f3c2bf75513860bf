import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockNode, InlineNode, ListItemNode, RichTextDocument } from '../../lib/content/document';
import { documentToPlainText } from '../../lib/content/plain-text';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { demoAccounts, demoArticles, demoAuthors, demoTopics, featuredArticleSlug } from '../../prisma/demo/content';
import { loadDemoContent, type DemoLoadSummary } from '../../prisma/demo/load';
import { useIsolatedDatabase } from '../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function linkTargets(nodes: (BlockNode | ListItemNode | InlineNode)[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === 'text') return (node.marks ?? []).flatMap((mark) => (mark.type === 'link' ? [mark.attrs.href] : []));
    if ('content' in node && node.content) return linkTargets(node.content);
    return [];
  });
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('loadDemoContent', () => {
  const loadTime = new Date();
  let prisma: PrismaClient;
  let mediaDir: string;
  let summary: DemoLoadSummary | undefined;

  beforeAll(async () => {
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: await useIsolatedDatabase() }) });
    mediaDir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-demo-media-'));
    summary = await loadDemoContent(prisma, { mediaDir, now: loadTime });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  it('reports and stores every demo record', async () => {
    expect(summary).toEqual({
      articles: demoArticles.length,
      authors: demoAuthors.length,
      topics: demoTopics.length,
      users: demoAccounts.length,
    });
    expect(await prisma.article.count()).toBe(demoArticles.length);
    expect(await prisma.author.count()).toBe(demoAuthors.length);
    expect(await prisma.topic.count()).toBe(demoTopics.length);
    expect(await prisma.user.count()).toBe(demoAccounts.length);
    expect(demoArticles.length).toBeGreaterThanOrEqual(14);
  });

  it('publishes at least twelve articles, all dated before the load and recorded as first published then', async () => {
    const published = await prisma.article.findMany({ where: { status: 'PUBLISHED' } });
    expect(published.length).toBeGreaterThanOrEqual(12);
    for (const article of published) {
      expect(article.publishedAt).not.toBeNull();
      expect(article.publishedAt!.getTime()).toBeLessThanOrEqual(loadTime.getTime());
      expect(article.publishedAt!.getTime()).toBeLessThan(Date.parse('2026-11-01T00:00:00Z'));
      expect(article.firstPublishedAt).toEqual(article.publishedAt);
    }
  });

  it('has exactly one draft, one piece in review, one scheduled and one archived', async () => {
    const byStatus = await prisma.article.groupBy({ by: ['status'], _count: { _all: true } });
    const counts = Object.fromEntries(byStatus.map((group) => [group.status, group._count._all]));
    expect(counts).toMatchObject({ DRAFT: 1, IN_REVIEW: 1, SCHEDULED: 1, ARCHIVED: 1 });
  });

  it('keeps the draft undated and its unique word out of every other article', async () => {
    const draft = await prisma.article.findFirstOrThrow({ where: { status: 'DRAFT' } });
    expect(draft.publishedAt).toBeNull();
    expect(draft.firstPublishedAt).toBeNull();
    expect(draft.bodyText).toContain('zephyrine');
    const others = await prisma.article.findMany({ where: { id: { not: draft.id } } });
    for (const article of others) {
      expect(`${article.title} ${article.lead} ${article.bodyText}`.toLowerCase()).not.toContain('zephyrine');
    }
  });

  it('schedules one article thirty days after the load, with its own unique word', async () => {
    const scheduled = await prisma.article.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect(scheduled.publishedAt).toEqual(new Date(loadTime.getTime() + 30 * DAY_MS));
    expect(scheduled.firstPublishedAt).toBeNull();
    expect(scheduled.bodyText).toContain('quillwort');
    const mentions = await prisma.article.count({ where: { bodyText: { contains: 'quillwort', mode: 'insensitive' } } });
    expect(mentions).toBe(1);
  });

  it('has at least five fellows, and a guest author with no login', async () => {
    const authors = await prisma.author.findMany({ include: { user: true } });
    expect(authors.filter((author) => author.position.includes('Fellow')).length).toBeGreaterThanOrEqual(5);
    const guests = authors.filter((author) => !author.position.includes('Fellow'));
    expect(guests.length).toBeGreaterThanOrEqual(1);
    for (const guest of guests) expect(guest.user).toBeNull();
  });

  it('covers at least four regions and three themes in published articles, and every region at least once', async () => {
    const topics = await prisma.topic.findMany({
      include: { _count: { select: { articles: { where: { article: { status: 'PUBLISHED' } } } } } },
    });
    const used = topics.filter((topic) => topic._count.articles > 0);
    expect(used.filter((topic) => topic.kind === 'REGION').length).toBeGreaterThanOrEqual(4);
    expect(used.filter((topic) => topic.kind === 'THEME').length).toBeGreaterThanOrEqual(3);
    expect(topics.filter((topic) => topic.kind === 'REGION').every((topic) => topic._count.articles > 0)).toBe(true);
  });

  it('keeps co-authors in byline order', async () => {
    const coAuthored = demoArticles.filter((article) => article.authors.length >= 3);
    expect(coAuthored.length).toBeGreaterThanOrEqual(1);
    for (const expected of demoArticles.filter((article) => article.authors.length > 1)) {
      const stored = await prisma.article.findUniqueOrThrow({
        where: { slug: expected.slug },
        include: { authors: { orderBy: { position: 'asc' }, include: { author: true } } },
      });
      expect(stored.authors.map((byline) => byline.position)).toEqual(expected.authors.map((_, index) => index));
      expect(stored.authors.map((byline) => byline.author.slug)).toEqual(expected.authors);
    }
  });

  it('stores author competences in order', async () => {
    for (const expected of demoAuthors) {
      const stored = await prisma.author.findUniqueOrThrow({
        where: { slug: expected.slug },
        include: { competences: { orderBy: { position: 'asc' }, include: { topic: true } } },
      });
      expect(stored.competences.map((competence) => competence.topic.slug)).toEqual(expected.competence);
    }
  });

  it('records a republished piece and the sources of several others', async () => {
    const republished = await prisma.article.findMany({ where: { status: 'PUBLISHED', originalUrl: { not: null } } });
    expect(republished.length).toBeGreaterThanOrEqual(1);
    for (const article of republished) {
      expect(article.originalOutlet).toBeTruthy();
      expect(article.originalUrl).toMatch(/^https:\/\/example\.org\//);
      expect(article.originalPublishedAt!.getTime()).toBeLessThan(article.publishedAt!.getTime());
    }
    const sourced = await prisma.article.findMany({ where: { sourceTitle: { not: null }, sourceUrl: { not: null } } });
    expect(sourced.length).toBeGreaterThanOrEqual(2);
  });

  it('stores a published article in Russian', async () => {
    const russian = await prisma.article.findFirstOrThrow({ where: { language: 'ru' } });
    expect(russian.status).toBe('PUBLISHED');
    expect(russian.title).toMatch(/[\u0400-\u04ff]/);
    expect(russian.bodyText).toMatch(/[\u0400-\u04ff]/);
  });

  it('features exactly one article, a published one', async () => {
    const featured = await prisma.article.findMany({ where: { featured: true } });
    expect(featured.map((article) => [article.slug, article.status])).toEqual([[featuredArticleSlug, 'PUBLISHED']]);
  });

  it('stores plain text, version 1 and one seed revision with the editable fields for every article', async () => {
    const articles = await prisma.article.findMany({ include: { revisions: true, authors: true, topics: true } });
    for (const article of articles) {
      expect(article.bodyText).toBe(documentToPlainText(article.body as RichTextDocument));
      expect(article.bodyText.length).toBeGreaterThan(0);
      expect(article.version).toBe(1);
      expect(article.revisions).toHaveLength(1);
      const [revision] = article.revisions;
      expect(revision).toMatchObject({ kind: 'seed', version: 1 });
      expect(revision!.data).toMatchObject({
        slug: article.slug,
        title: article.title,
        lead: article.lead,
        body: article.body,
        publishedAt: article.publishedAt?.toISOString() ?? null,
        authorIds: [...article.authors].sort((a, b) => a.position - b.position).map((byline) => byline.authorId),
      });
    }
  });

  it('creates the demo accounts with argon2id hashes and links the fellow to an author', async () => {
    for (const account of demoAccounts) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email }, include: { author: true } });
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user.passwordHash!, account.password)).toBe(true);
      expect(user.author?.slug ?? null).toBe(account.authorSlug ?? null);
    }
    expect(demoAccounts.some((account) => account.role === 'FELLOW' && account.authorSlug)).toBe(true);
  });

  it('writes a 600x600 JPEG portrait for each author with a photo, and leaves one without', async () => {
    const authors = await prisma.author.findMany({ include: { photo: true } });
    const withPhoto = authors.filter((author) => author.photo);
    expect(withPhoto.length).toBeGreaterThanOrEqual(1);
    expect(authors.some((author) => author.photo === null)).toBe(true);
    for (const author of withPhoto) {
      const photo = author.photo!;
      expect(photo.storageKey).toMatch(new RegExp(`^authors/${author.slug}-[0-9a-f]+\\.jpg$`));
      expect(photo).toMatchObject({ mimeType: 'image/jpeg', width: 600, height: 600, alt: `Portrait of ${author.name}` });
      expect(author.photoAlt).toBe(photo.alt);
      const filePath = path.join(mediaDir, photo.storageKey);
      expect((await stat(filePath)).size).toBe(photo.byteSize);
      expect(await sharp(filePath).metadata()).toMatchObject({ format: 'jpeg', width: 600, height: 600 });
    }
  });

  it('uses kebab-case ASCII slugs, https links and bodies of four to nine blocks', () => {
    for (const slug of [...demoArticles, ...demoAuthors, ...demoTopics].map((item) => item.slug)) {
      expect(slug).toMatch(KEBAB_CASE);
    }
    for (const article of demoArticles) {
      expect(article.body.content.length).toBeGreaterThanOrEqual(4);
      expect(article.body.content.length).toBeLessThanOrEqual(9);
      for (const href of linkTargets(article.body.content)) expect(href).toMatch(/^https:\/\//);
    }
    expect(demoArticles.some((article) => article.body.content.length >= 8)).toBe(true);
  });

  it('refuses a second load and changes nothing', async () => {
    const filesBefore = await listFiles(mediaDir);
    await expect(loadDemoContent(prisma, { mediaDir })).rejects.toThrow(/Refusing to load demo content/);
    expect(await prisma.article.count()).toBe(demoArticles.length);
    expect(await prisma.user.count()).toBe(demoAccounts.length);
    expect(await listFiles(mediaDir)).toEqual(filesBefore);
  });
});
