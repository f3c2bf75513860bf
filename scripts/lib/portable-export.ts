import { Prisma } from '../../lib/generated/prisma/client';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION, type ExportFile, type ParsedExport } from './export-format';
import type { ScriptPrisma } from './prisma';

type Tx = Prisma.TransactionClient;
type DatesAsText<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

// Rows are written in a fixed order so that exporting the same content twice gives the same bytes.
const byId = { id: 'asc' } as const;
const byCreation: [{ createdAt: 'asc' }, { id: 'asc' }] = [{ createdAt: 'asc' }, { id: 'asc' }];
const INSERT_BATCH = 500;

function datesAsText<T extends object>(row: T): DatesAsText<T> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])) as DatesAsText<T>;
}

export type ExportOptions = { withPasswordHashes: boolean };

/** Everything an editorial team would miss after a disaster, as one plain object ready for JSON. */
export async function exportDatabase(prisma: ScriptPrisma, options: ExportOptions): Promise<ExportFile> {
  const [migration, settings, users, media, topics, authors, articles, auditEvents] = await prisma.$transaction(
    [
      prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`,
      prisma.setting.findMany({ orderBy: { key: 'asc' } }),
      prisma.user.findMany({ orderBy: byId }),
      prisma.media.findMany({ orderBy: byId }),
      prisma.topic.findMany({ orderBy: byId }),
      prisma.author.findMany({
        orderBy: byId,
        include: {
          competences: { select: { topicId: true, position: true }, orderBy: [{ position: 'asc' }, { topicId: 'asc' }] },
          revisions: { omit: { authorId: true }, orderBy: byCreation },
          slugRedirects: { select: { slug: true }, orderBy: { slug: 'asc' } },
        },
      }),
      prisma.article.findMany({
        orderBy: byId,
        include: {
          authors: { select: { authorId: true, position: true }, orderBy: [{ position: 'asc' }, { authorId: 'asc' }] },
          topics: { select: { topicId: true }, orderBy: { topicId: 'asc' } },
          revisions: { omit: { articleId: true }, orderBy: byCreation },
          corrections: { omit: { articleId: true }, orderBy: byCreation },
          notes: { omit: { articleId: true }, orderBy: byCreation },
          slugRedirects: { omit: { articleId: true }, orderBy: { slug: 'asc' } },
        },
      }),
      prisma.auditEvent.findMany({ orderBy: byCreation }),
    ],
    // One snapshot: a save landing mid-export cannot leave a revision without its article.
    { isolationLevel: 'RepeatableRead' },
  );
  return {
    format: EXPORT_FORMAT_NAME,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaMigration: migration[0]?.migration_name ?? null,
    passwordHashesIncluded: options.withPasswordHashes,
    settings: settings.map(datesAsText),
    users: users.map(({ passwordHash, ...user }) => ({ ...datesAsText(user), ...(options.withPasswordHashes ? { passwordHash } : {}) })),
    media: media.map(datesAsText),
    topics: topics.map(datesAsText),
    authors: authors.map(({ competences, revisions, slugRedirects, ...author }) => ({
      ...datesAsText(author),
      competences,
      revisions: revisions.map(datesAsText),
      slugRedirects: slugRedirects.map((redirect) => redirect.slug),
    })),
    articles: articles.map(({ authors: bylines, topics: topicLinks, revisions, corrections, notes, slugRedirects, ...article }) => ({
      ...datesAsText(article),
      authors: bylines,
      topicIds: topicLinks.map((link) => link.topicId),
      revisions: revisions.map(datesAsText),
      corrections: corrections.map(datesAsText),
      notes: notes.map(datesAsText),
      slugRedirects: slugRedirects.map(datesAsText),
    })),
    auditEvents: auditEvents.map(datesAsText),
  };
}

export class NotEmptyError extends Error {}

async function assertEmpty(tx: Tx): Promise<void> {
  const counts = await Promise.all([tx.article.count(), tx.author.count(), tx.topic.count(), tx.user.count(), tx.media.count(), tx.setting.count()]);
  if (counts.some((count) => count > 0)) {
    throw new NotEmptyError('The database already holds content; an export is only imported into an empty database (use a fresh DATA_DIR or DATABASE_URL).');
  }
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) await insert(rows.slice(start, start + INSERT_BATCH));
}

function withoutKeys<T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}

const jsonValue = (value: unknown) => value as Prisma.InputJsonValue;
const nullableJson = (value: unknown) => (value === null ? Prisma.DbNull : jsonValue(value));

/**
 * Restores a checked export into an empty database in one transaction: either everything is there afterwards
 * or nothing is. References that form cycles (a user's author, an author's merge target, an article's
 * original) are set once every row they point to exists.
 */
export async function importIntoEmptyDatabase(prisma: ScriptPrisma, data: ParsedExport): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await assertEmpty(tx);
      await insertInBatches(data.settings, (batch) => tx.setting.createMany({ data: batch.map((setting) => ({ ...setting, value: jsonValue(setting.value) })) }));
      await insertInBatches(data.users, (batch) =>
        tx.user.createMany({ data: batch.map((user) => ({ ...withoutKeys(user, 'authorId', 'passwordHash'), passwordHash: user.passwordHash ?? null })) }),
      );
      await insertInBatches(data.media, (batch) => tx.media.createMany({ data: batch.map((media) => ({ ...media, variants: jsonValue(media.variants) })) }));
      await insertInBatches(data.topics, (batch) => tx.topic.createMany({ data: batch }));

      await insertInBatches(data.authors, (batch) =>
        tx.author.createMany({ data: batch.map((author) => withoutKeys(author, 'competences', 'revisions', 'slugRedirects', 'mergedIntoId')) }),
      );
      for (const author of data.authors.filter((candidate) => candidate.mergedIntoId)) {
        await tx.author.update({ where: { id: author.id }, data: { mergedIntoId: author.mergedIntoId, updatedAt: author.updatedAt } });
      }
      const competences = data.authors.flatMap((author) => author.competences.map((link) => ({ authorId: author.id, ...link })));
      await insertInBatches(competences, (batch) => tx.authorTopic.createMany({ data: batch }));
      const authorRevisions = data.authors.flatMap((author) => author.revisions.map((revision) => ({ ...revision, authorId: author.id, data: jsonValue(revision.data) })));
      await insertInBatches(authorRevisions, (batch) => tx.authorRevision.createMany({ data: batch }));
      const authorRedirects = data.authors.flatMap((author) => author.slugRedirects.map((slug) => ({ slug, authorId: author.id })));
      await insertInBatches(authorRedirects, (batch) => tx.authorSlugRedirect.createMany({ data: batch }));
      for (const user of data.users.filter((candidate) => candidate.authorId)) {
        await tx.user.update({ where: { id: user.id }, data: { authorId: user.authorId, updatedAt: user.updatedAt } });
      }

      await insertInBatches(data.articles, (batch) =>
        tx.article.createMany({
          data: batch.map((article) => ({
            ...withoutKeys(article, 'authors', 'topicIds', 'revisions', 'corrections', 'notes', 'slugRedirects', 'translationOfId'),
            body: jsonValue(article.body),
            pendingChanges: nullableJson(article.pendingChanges),
          })),
        }),
      );
      for (const article of data.articles.filter((candidate) => candidate.translationOfId)) {
        await tx.article.update({ where: { id: article.id }, data: { translationOfId: article.translationOfId, updatedAt: article.updatedAt } });
      }
      const perArticle = <T>(pick: (article: ParsedExport['articles'][number]) => T[]) => data.articles.flatMap((article) => pick(article).map((row) => ({ ...row, articleId: article.id })));
      await insertInBatches(perArticle((article) => article.authors), (batch) => tx.articleAuthor.createMany({ data: batch }));
      await insertInBatches(perArticle((article) => article.topicIds.map((topicId) => ({ topicId }))), (batch) => tx.articleTopic.createMany({ data: batch }));
      await insertInBatches(perArticle((article) => article.revisions), (batch) => tx.revision.createMany({ data: batch.map((revision) => ({ ...revision, data: jsonValue(revision.data) })) }));
      await insertInBatches(perArticle((article) => article.corrections), (batch) => tx.correction.createMany({ data: batch }));
      await insertInBatches(perArticle((article) => article.notes), (batch) => tx.articleNote.createMany({ data: batch }));
      await insertInBatches(perArticle((article) => article.slugRedirects), (batch) => tx.slugRedirect.createMany({ data: batch }));
      await insertInBatches(data.auditEvents, (batch) => tx.auditEvent.createMany({ data: batch.map((event) => ({ ...event, detail: nullableJson(event.detail) })) }));
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
