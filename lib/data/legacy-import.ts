import 'server-only';
import { z } from 'zod';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { parseLegacyDocument, type LegacyAuthor, type LegacyDocument } from '@/lib/content/legacy-document';
import { slugify } from '@/lib/content/slugify';
import { getDb } from '@/lib/db';
import { articleDraftSchema, draftFieldErrors, type ArticleDraftInput } from '@/lib/validation/article';
import { createArticle } from './article-drafts';
import { actorId, type Tx } from './article-store';
import { recordAudit } from './audit';

export type ImportResult =
  | { ok: true; id: string; slug: string; title: string; createdAuthors: string[]; createdAuthorSlugs: string[] }
  | { ok: false; message: string };

const authorProfileSchema = z.object({
  name: z.string().max(200, 'the name is too long (at most 200 characters)'),
  position: z.string().max(200, 'the position is too long (at most 200 characters)'),
  location: z.string().max(200, 'the location is too long (at most 200 characters)'),
  fieldOfExpertise: z.string().max(5000, 'the field of expertise is too long (at most 5000 characters)'),
  workExperience: z.string().max(5000, 'the work experience is too long (at most 5000 characters)'),
  competences: z.array(z.string().max(100, 'a competence is too long (at most 100 characters)')).max(30, 'more than 30 competences'),
});

const TOPIC_TERM = z.string().max(100, 'a topic is too long (at most 100 characters)');

/** Names compare without regard to case, accents' composition or spacing: "lena  VARGA" is Lena Varga. */
const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** "Lena Varga" sorts as "Varga, Lena". */
function sortNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? name.trim() : `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}

function articleInput(document: LegacyDocument, authorIds: string[], topicIds: string[]): ArticleDraftInput {
  // The document's date is a calendar day; it is stored as the start of that day in UTC.
  const date = `${document.date}T00:00:00.000Z`;
  return {
    title: document.title,
    lead: document.lead,
    body: document.body,
    language: document.language,
    authorIds,
    topicIds,
    originalOutlet: document.original?.outlet ?? '',
    originalUrl: document.original?.url ?? '',
    originalPublishedAt: document.original ? date : null,
    sourceTitle: document.source?.title ?? '',
    sourceUrl: document.source?.url ?? '',
    publishDate: date,
  };
}

/** Why the document's fields cannot be stored as they are, or null when they can. */
function fieldProblems(document: LegacyDocument): string | null {
  const draft = articleDraftSchema.safeParse(articleInput(document, [], []));
  if (!draft.success) return Object.values(draftFieldErrors(draft.error)).flat().join(' ');
  for (const author of document.authors) {
    const profile = authorProfileSchema.safeParse(author);
    if (!profile.success) return `Author ${author.name.slice(0, 80)}: ${profile.error.issues.map((issue) => issue.message).join(', ')}.`;
  }
  const topics = z.array(TOPIC_TERM).safeParse(document.topics);
  return topics.success ? null : `Topics: ${topics.error.issues[0]!.message}.`;
}

async function uniqueSlug(name: string, fallback: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(name) || fallback;
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/** Rows by their name key, the preferred (then the oldest) row first. */
function indexByName<Row extends { name: string }>(rows: Row[], preferred: (row: Row) => boolean, idOf: (row: Row) => string): Map<string, string> {
  const index = new Map<string, string>();
  for (const row of [...rows].sort((a, b) => Number(preferred(b)) - Number(preferred(a)))) {
    const key = nameKey(row.name);
    if (!index.has(key)) index.set(key, idOf(row));
  }
  return index;
}

type Created = { authors: { id: string; name: string; slug: string }[]; topicIds: string[] };

/**
 * Finds or creates the authors and topics the document names, in one transaction. Imports take a lock so two
 * at once cannot both create the same author or topic.
 */
async function resolveReferences(tx: Tx, viewer: Viewer, document: LegacyDocument, ip: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dispatch:legacy-import'))`;
  const created: Created = { authors: [], topicIds: [] };
  const [authorRows, topicRows] = await Promise.all([
    tx.author.findMany({ select: { id: true, name: true, mergedIntoId: true }, orderBy: { createdAt: 'asc' } }),
    tx.topic.findMany({ select: { id: true, name: true, status: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  // A profile merged into another answers for it; approved topics win over proposed ones of the same name.
  const authorsByName = indexByName(authorRows, (row) => row.mergedIntoId === null, (row) => row.mergedIntoId ?? row.id);
  const topicsByName = indexByName(topicRows, (row) => row.status === 'APPROVED', (row) => row.id);

  const topicIdFor = async (term: string): Promise<string> => {
    const known = topicsByName.get(nameKey(term));
    if (known) return known;
    const slug = await uniqueSlug(term, 'topic', async (candidate) => (await tx.topic.count({ where: { slug: candidate } })) > 0);
    const topic = await tx.topic.create({ data: { slug, name: term, kind: 'THEME', status: 'PROPOSED' }, select: { id: true } });
    await recordAudit({ actorId: actorId(viewer), action: 'topic.create', targetType: 'topic', targetId: topic.id, detail: { name: term, status: 'PROPOSED', via: 'import' }, ip }, tx);
    topicsByName.set(nameKey(term), topic.id);
    created.topicIds.push(topic.id);
    return topic.id;
  };

  const createAuthor = async (author: LegacyAuthor): Promise<string> => {
    const competenceIds: string[] = [];
    for (const term of author.competences) competenceIds.push(await topicIdFor(term));
    const slug = await uniqueSlug(author.name, 'author', async (candidate) => {
      const [profiles, redirects] = await Promise.all([tx.author.count({ where: { slug: candidate } }), tx.authorSlugRedirect.count({ where: { slug: candidate } })]);
      return profiles + redirects > 0;
    });
    const row = await tx.author.create({
      data: {
        slug,
        name: author.name,
        sortName: sortNameOf(author.name),
        position: author.position,
        location: author.location,
        fieldOfExpertise: author.fieldOfExpertise,
        workExperience: author.workExperience,
        competences: { create: [...new Set(competenceIds)].map((topicId, position) => ({ topicId, position })) },
      },
      select: { id: true },
    });
    await recordAudit({ actorId: actorId(viewer), action: 'author.create', targetType: 'author', targetId: row.id, detail: { name: author.name, via: 'import' }, ip }, tx);
    authorsByName.set(nameKey(author.name), row.id);
    created.authors.push({ id: row.id, name: author.name, slug });
    return row.id;
  };

  const authorIds: string[] = [];
  for (const author of document.authors) authorIds.push(authorsByName.get(nameKey(author.name)) ?? (await createAuthor(author)));
  const topicIds: string[] = [];
  for (const term of document.topics) topicIds.push(await topicIdFor(term));
  return { authorIds, topicIds, created };
}

/** Takes back what `resolveReferences` created when the draft itself could not be created. */
async function undoCreated(created: Created): Promise<void> {
  await getDb().$transaction([
    getDb().author.deleteMany({ where: { id: { in: created.authors.map((author) => author.id) }, articles: { none: {} } } }),
    getDb().topic.deleteMany({ where: { id: { in: created.topicIds }, authors: { none: {} }, articles: { none: {} } } }),
  ]);
}

/**
 * Creates a draft from a legacy document: its authors matched by name or created with their profile, their
 * competences matched to topics or proposed as new ones. A document that cannot be read creates nothing.
 */
export async function importLegacyDocument(viewer: Viewer | null, text: string, ip: string | null): Promise<ImportResult> {
  assertCan(viewer, 'article.create');
  // Importing may create author profiles, which only staff do.
  assertCan(viewer, 'author.create');
  const parsed = parseLegacyDocument(text);
  if (!parsed.ok) return { ok: false, message: parsed.reason };
  const { document } = parsed;
  const problems = fieldProblems(document);
  if (problems) return { ok: false, message: `The document cannot become a draft: ${problems}` };

  const references = await getDb().$transaction((tx) => resolveReferences(tx, viewer, document, ip));
  let result: Awaited<ReturnType<typeof createArticle>>;
  try {
    result = await createArticle(viewer, articleInput(document, references.authorIds, references.topicIds), { ip, revisionKind: 'import' });
  } catch (error) {
    await undoCreated(references.created);
    throw error;
  }
  if (!result.ok) {
    await undoCreated(references.created);
    return { ok: false, message: [result.message, ...Object.values(result.errors).flat()].join(' ') };
  }
  return {
    ok: true,
    id: result.id,
    slug: result.slug,
    title: document.title,
    createdAuthors: references.created.authors.map((author) => author.name),
    createdAuthorSlugs: references.created.authors.map((author) => author.slug),
  };
}
