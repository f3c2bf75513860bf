import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import sharp from 'sharp';
import { documentToPlainText } from '../../lib/content/plain-text';
import type { Prisma, PrismaClient } from '../../lib/generated/prisma/client';
import {
  demoAccounts,
  demoArticles,
  demoAuthors,
  demoTopics,
  featuredArticleSlug,
  type DemoAccount,
  type DemoArticle,
  type DemoAuthor,
} from './content';

export type DemoLoadOptions = {
  /** Folder that holds uploaded media; portraits are written under `authors/`. */
  mediaDir: string;
  /** The load time, from which scheduled articles are dated. */
  now?: Date;
};

export type DemoLoadSummary = { articles: number; authors: number; topics: number; users: number };

type Portrait = { storageKey: string; width: number; height: number; byteSize: number; alt: string };

const PORTRAIT_SIZE = 600;
const DAY_MS = 24 * 60 * 60 * 1000;
// Muted colour sets, one per portrait in turn, so neighbours in the directory differ but stay in one family.
const PORTRAIT_PALETTES = [
  { background: '#d9d2c5', accent: '#8c9a8b', figure: '#4f5d63', text: '#f4f1ea' },
  { background: '#cfd8dc', accent: '#a3866f', figure: '#3f4e5a', text: '#f3f5f6' },
  { background: '#e2d6d0', accent: '#7f8fa6', figure: '#5b4a4f', text: '#f7f2ef' },
  { background: '#d6dccf', accent: '#b59a6d', figure: '#4a5445', text: '#f2f4ee' },
  { background: '#dcd3dd', accent: '#6f8f8a', figure: '#4d4558', text: '#f5f2f6' },
  { background: '#d3d9e0', accent: '#a07a7a', figure: '#384652', text: '#eef2f5' },
] as const;

/** Loads the demo publication into an empty database and writes the authors' portraits to `mediaDir`. */
export async function loadDemoContent(prisma: PrismaClient, options: DemoLoadOptions): Promise<DemoLoadSummary> {
  const now = options.now ?? new Date();
  // Unique slugs and e-mails make a concurrent second load fail inside its transaction, so one check suffices.
  await assertDatabaseIsEmpty(prisma);

  const accounts = await Promise.all(
    demoAccounts.map(async (account) => ({ ...account, passwordHash: await hash(account.password) })),
  );
  const portraits = new Map<string, Portrait>();
  try {
    for (const [index, author] of demoAuthors.filter((candidate) => candidate.hasPhoto).entries()) {
      portraits.set(author.slug, await writePortrait(author, options.mediaDir, index));
    }
    await prisma.$transaction(
      async (tx) => {
        const topicIds = await insertTopics(tx);
        const authorIds = await insertAuthors(tx, topicIds, portraits);
        await insertUsers(tx, authorIds, accounts);
        await insertArticles(tx, topicIds, authorIds, now);
      },
      // Dozens of sequential inserts; the default 5 s is too tight on a slow CI machine.
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    // Rows were rolled back, so portraits written for them would be orphans.
    const orphanPaths = [...portraits.values()].map((portrait) => path.join(options.mediaDir, portrait.storageKey));
    await Promise.all(orphanPaths.map((orphanPath) => rm(orphanPath, { force: true })));
    throw error;
  }

  return {
    articles: demoArticles.length,
    authors: demoAuthors.length,
    topics: demoTopics.length,
    users: demoAccounts.length,
  };
}

async function assertDatabaseIsEmpty(prisma: PrismaClient): Promise<void> {
  const [articles, authors, topics, users] = await Promise.all([
    prisma.article.count(),
    prisma.author.count(),
    prisma.topic.count(),
    prisma.user.count(),
  ]);
  if (articles + authors + topics + users > 0) {
    throw new Error(
      `Refusing to load demo content: the database already has ${articles} articles, ${authors} authors, ` +
        `${topics} topics and ${users} users. Demo content can only be loaded into an empty database.`,
    );
  }
}

async function insertTopics(tx: Prisma.TransactionClient): Promise<Map<string, string>> {
  const topicIds = new Map<string, string>();
  for (const topic of demoTopics) {
    const row = await tx.topic.create({
      data: { slug: topic.slug, name: topic.name, kind: topic.kind, description: topic.description },
      select: { id: true },
    });
    topicIds.set(topic.slug, row.id);
  }
  return topicIds;
}

async function insertAuthors(
  tx: Prisma.TransactionClient,
  topicIds: Map<string, string>,
  portraits: Map<string, Portrait>,
): Promise<Map<string, string>> {
  const authorIds = new Map<string, string>();
  for (const author of demoAuthors) {
    const portrait = portraits.get(author.slug);
    const photo = portrait
      ? await tx.media.create({
          data: {
            storageKey: portrait.storageKey,
            originalName: path.basename(portrait.storageKey),
            mimeType: 'image/jpeg',
            width: portrait.width,
            height: portrait.height,
            byteSize: portrait.byteSize,
            alt: portrait.alt,
          },
          select: { id: true },
        })
      : null;
    const row = await tx.author.create({
      data: {
        slug: author.slug,
        name: author.name,
        sortName: author.sortName,
        position: author.position,
        location: author.location,
        fieldOfExpertise: author.fieldOfExpertise,
        workExperience: author.workExperience,
        biography: author.biography,
        website: author.website ?? null,
        orcid: author.orcid ?? null,
        languages: author.languages,
        photoId: photo?.id ?? null,
        photoAlt: portrait?.alt ?? '',
        competences: {
          create: author.competence.map((topicSlug, position) => ({
            topicId: requireId(topicIds, topicSlug, `topic of author ${author.slug}`),
            position,
          })),
        },
      },
      select: { id: true },
    });
    authorIds.set(author.slug, row.id);
  }
  return authorIds;
}

async function insertUsers(
  tx: Prisma.TransactionClient,
  authorIds: Map<string, string>,
  accounts: (DemoAccount & { passwordHash: string })[],
): Promise<void> {
  for (const account of accounts) {
    await tx.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: account.passwordHash,
        authorId: account.authorSlug ? requireId(authorIds, account.authorSlug, `author of ${account.email}`) : null,
      },
    });
  }
}

async function insertArticles(
  tx: Prisma.TransactionClient,
  topicIds: Map<string, string>,
  authorIds: Map<string, string>,
  now: Date,
): Promise<void> {
  for (const article of demoArticles) {
    const articleAuthorIds = article.authors.map((slug) => requireId(authorIds, slug, `author of ${article.slug}`));
    const articleTopicIds = article.topics.map((slug) => requireId(topicIds, slug, `topic of ${article.slug}`));
    const publishedAt = resolvePublishedAt(article, now);
    // Archived pieces were public once, so they keep their first publication date too.
    const wasPublished = article.status === 'PUBLISHED' || article.status === 'ARCHIVED';
    const editable = {
      slug: article.slug,
      title: article.title,
      lead: article.lead,
      body: article.body,
      language: article.language ?? 'en',
      publishedAt,
      featured: article.slug === featuredArticleSlug,
      originalOutlet: article.republication?.outlet ?? null,
      originalUrl: article.republication?.url ?? null,
      originalPublishedAt: article.republication ? new Date(article.republication.publishedAt) : null,
      canonicalPolicy: article.republication?.canonicalPolicy ?? 'SELF',
      sourceTitle: article.source?.title ?? null,
      sourceUrl: article.source?.url ?? null,
    } as const;

    await tx.article.create({
      data: {
        ...editable,
        status: article.status,
        bodyText: documentToPlainText(article.body),
        firstPublishedAt: wasPublished ? publishedAt : null,
        version: 1,
        authors: { create: articleAuthorIds.map((authorId, position) => ({ authorId, position })) },
        topics: { create: articleTopicIds.map((topicId) => ({ topicId })) },
        revisions: {
          create: {
            version: 1,
            kind: 'seed',
            data: {
              ...editable,
              publishedAt: publishedAt?.toISOString() ?? null,
              originalPublishedAt: editable.originalPublishedAt?.toISOString() ?? null,
              coverImageId: null,
              coverAlt: '',
              seoTitle: null,
              seoDescription: null,
              authorIds: articleAuthorIds,
              topicIds: articleTopicIds,
            },
          },
        },
      },
    });
  }
}

function resolvePublishedAt(article: DemoArticle, now: Date): Date | null {
  if (article.publishedAt === null) return null;
  if (typeof article.publishedAt === 'string') return new Date(article.publishedAt);
  return new Date(now.getTime() + article.publishedAt.daysAfterLoad * DAY_MS);
}

function requireId(ids: Map<string, string>, slug: string, role: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`Demo content refers to an unknown slug "${slug}" (${role}).`);
  return id;
}

async function writePortrait(author: DemoAuthor, mediaDir: string, paletteIndex: number): Promise<Portrait> {
  const storageKey = `authors/${author.slug}-${randomBytes(4).toString('hex')}.jpg`;
  const filePath = path.join(mediaDir, storageKey);
  await mkdir(path.dirname(filePath), { recursive: true });
  const { data, info } = await sharp(Buffer.from(portraitSvg(author, paletteIndex)))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  await writeFile(filePath, data);
  const alt = `Portrait of ${author.name}`;
  return { storageKey, width: info.width, height: info.height, byteSize: data.byteLength, alt };
}

/** An abstract head-and-shoulders figure over geometric shapes; the slug's hash places the shapes. */
function portraitSvg(author: DemoAuthor, paletteIndex: number): string {
  const seed = hashString(author.slug);
  const palette = PORTRAIT_PALETTES[paletteIndex % PORTRAIT_PALETTES.length] ?? PORTRAIT_PALETTES[0];
  const size = PORTRAIT_SIZE;
  const discX = 120 + (seed % 360);
  const discY = 90 + ((seed >> 4) % 160);
  const discRadius = 120 + ((seed >> 12) % 90);
  const bandTilt = 40 + ((seed >> 8) % 120);
  const initials = author.name
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" fill="${palette.background}"/>
  <circle cx="${discX}" cy="${discY}" r="${discRadius}" fill="${palette.accent}" fill-opacity="0.45"/>
  <polygon points="0,${size - bandTilt} ${size},${size - 260 - bandTilt} ${size},${size - 140 - bandTilt} 0,${size}"
    fill="${palette.accent}" fill-opacity="0.3"/>
  <circle cx="300" cy="245" r="105" fill="${palette.figure}"/>
  <path d="M95 ${size} C95 440 190 375 300 375 C410 375 505 440 505 ${size} Z" fill="${palette.figure}"/>
  <text x="300" y="530" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="64"
    font-weight="700" letter-spacing="6" fill="${palette.text}">${escapeXml(initials)}</text>
</svg>`;
}

function hashString(value: string): number {
  let hashValue = 0;
  for (const character of value) hashValue = (hashValue * 31 + character.charCodeAt(0)) >>> 0;
  return hashValue;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
