import 'server-only';
import crypto from 'node:crypto';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { FieldDiff } from '@/lib/content/revision-diff';
import { slugify } from '@/lib/content/slugify';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { GuestAuthorInput, RosterQuery } from '@/lib/validation/profile';
import { recordAudit } from './audit';
import type { TopicRef } from './dto';
import { topicRefSelect, toTopicRefs } from './mappers';
import {
  actorIdOf,
  applyProfile,
  diffAgainst,
  parseRevisionData,
  PROFILE_APPROVAL_SETTING,
  profileSelect,
  rowToProfile,
  sortNameOf,
  toRevisionData,
} from './profile-store';

// The roster, for staff: every author profile, guest authors, reviews of fellows' pending changes, proposed
// terms, and the profile-approval setting.

export type RosterEntry = {
  id: string;
  slug: string;
  name: string;
  position: string;
  competences: TopicRef[];
  account: 'fellow' | 'guest';
  articleCount: number;
  retired: boolean;
  pendingChange: boolean;
};

export type PendingProfileChange = {
  revisionId: string;
  author: { id: string; slug: string; name: string };
  createdAt: string;
  createdBy: string | null;
  diffs: FieldDiff[];
};

export type ProposedTopic = { id: string; name: string; kind: 'REGION' | 'THEME'; authors: string[] };

export type RosterResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

/** Prisma hands `contains` to ILIKE unescaped; escaped, a search for "50%" finds exactly that. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Every profile (merged-away duplicates aside), searched by name and filtered by competence and status. */
export async function listRoster(viewer: Viewer | null, query: RosterQuery): Promise<RosterEntry[]> {
  assertCan(viewer, 'author.list');
  const where: Prisma.AuthorWhereInput = {
    mergedIntoId: null,
    ...(query.status === 'all' ? {} : { retired: query.status === 'retired' }),
    ...(query.q ? { name: { contains: escapeLike(query.q), mode: 'insensitive' } } : {}),
    ...(query.topic ? { competences: { some: { topic: { slug: query.topic } } } } : {}),
  };
  const rows = await getDb().author.findMany({
    where,
    orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      slug: true,
      name: true,
      position: true,
      retired: true,
      user: { select: { id: true } },
      competences: { orderBy: { position: 'asc' }, select: { topic: { select: topicRefSelect } } },
      _count: { select: { articles: true, revisions: { where: { pending: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    position: row.position,
    competences: toTopicRefs(row.competences),
    account: row.user ? 'fellow' : 'guest',
    articleCount: row._count.articles,
    retired: row.retired,
    pendingChange: row._count.revisions > 0,
  }));
}

async function uniqueAuthorSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name) || 'author';
  for (let attempt = 1; ; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    const taken = (await tx.author.findUnique({ where: { slug }, select: { id: true } })) ?? (await tx.authorSlugRedirect.findUnique({ where: { slug }, select: { slug: true } }));
    if (!taken) return slug;
  }
}

/** A profile for an author without a login (a guest contributor); its first revision records who created it. */
export async function createGuestAuthor(viewer: Viewer | null, input: GuestAuthorInput, ip: string | null): Promise<{ ok: true; id: string; slug: string }> {
  assertCan(viewer, 'author.create');
  return getDb().$transaction(async (tx) => {
    const slug = await uniqueAuthorSlug(tx, input.name);
    const author = await tx.author.create({
      data: { slug, name: input.name, sortName: sortNameOf(input.name), position: input.position, location: input.location },
      select: profileSelect,
    });
    await tx.authorRevision.create({ data: { authorId: author.id, data: toRevisionData(rowToProfile(author)), createdById: actorIdOf(viewer) } });
    await recordAudit({ actorId: actorIdOf(viewer), action: 'author.create', targetType: 'author', targetId: author.id, detail: { slug }, ip }, tx);
    return { ok: true, id: author.id, slug };
  });
}

/** Fellows' changes waiting for an editor, oldest first, each as a diff against the profile as it is now. */
export async function listPendingProfileChanges(viewer: Viewer | null): Promise<PendingProfileChange[]> {
  // Reviewing fellows' changes belongs to those who manage the roster.
  assertCan(viewer, 'author.list');
  const db = getDb();
  const rows = await db.authorRevision.findMany({
    where: { pending: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
    select: { id: true, data: true, createdAt: true, createdBy: { select: { name: true } }, author: { select: profileSelect } },
  });
  const changes: PendingProfileChange[] = [];
  for (const row of rows) {
    const stored = parseRevisionData(row.data);
    if (!stored) continue;
    changes.push({
      revisionId: row.id,
      author: { id: row.author.id, slug: row.author.slug, name: row.author.name },
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.name ?? null,
      diffs: await diffAgainst(db, rowToProfile(row.author), stored.profile),
    });
  }
  return changes;
}

/** Approves (applies) or rejects a pending change, with an optional note to the fellow. */
export async function reviewProfileChange(
  viewer: Viewer | null,
  revisionId: string,
  decision: 'approve' | 'reject',
  note: string,
  ip: string | null,
): Promise<RosterResult<{ slug: string }>> {
  assertCan(viewer, 'author.list');
  return getDb().$transaction(async (tx) => {
    const revision = await tx.authorRevision.findFirst({ where: { id: revisionId, pending: true }, select: { id: true, authorId: true, data: true, author: { select: { slug: true } } } });
    const stored = revision ? parseRevisionData(revision.data) : null;
    if (!revision || !stored) return { ok: false, message: 'This change was already reviewed or replaced.' };
    const claimed = await tx.authorRevision.updateMany({
      where: { id: revision.id, pending: true },
      data: { pending: false, reviewNote: note || null, reviewedAt: new Date(), data: toRevisionData(stored.profile, decision === 'reject') },
    });
    if (claimed.count === 0) return { ok: false, message: 'This change was already reviewed or replaced.' };
    if (decision === 'approve') await applyProfile(tx, revision.authorId, stored.profile);
    await recordAudit({ actorId: actorIdOf(viewer), action: `author.${decision}Change`, targetType: 'author', targetId: revision.authorId, detail: { revisionId }, ip }, tx);
    return { ok: true, slug: revision.author.slug };
  });
}

/** Whether fellows' profile changes wait for an editor's approval. */
export async function setProfileApprovalRequired(viewer: Viewer | null, required: boolean, ip: string | null): Promise<RosterResult> {
  assertCan(viewer, 'settings.manage');
  await getDb().$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: PROFILE_APPROVAL_SETTING }, create: { key: PROFILE_APPROVAL_SETTING, value: required }, update: { value: required } });
    await recordAudit({ actorId: actorIdOf(viewer), action: 'settings.change', targetType: 'setting', targetId: PROFILE_APPROVAL_SETTING, detail: { value: required }, ip }, tx);
  });
  return { ok: true };
}

/** Terms fellows proposed for their competence, waiting for an editor. */
export async function listProposedTopics(viewer: Viewer | null): Promise<ProposedTopic[]> {
  assertCan(viewer, 'topic.approve');
  const rows = await getDb().topic.findMany({
    where: { status: 'PROPOSED' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, kind: true, authors: { select: { author: { select: { name: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, authors: row.authors.map(({ author }) => author.name) }));
}

/** Approving makes a proposed term part of the controlled list; rejecting removes it from every profile. */
export async function decideProposedTopic(viewer: Viewer | null, topicId: string, approve: boolean, ip: string | null): Promise<RosterResult> {
  assertCan(viewer, 'topic.approve');
  return getDb().$transaction(async (tx) => {
    const topic = await tx.topic.findFirst({ where: { id: topicId, status: 'PROPOSED' }, select: { id: true, name: true } });
    if (!topic) return { ok: false, message: 'This term was already decided.' };
    if (approve) await tx.topic.update({ where: { id: topic.id }, data: { status: 'APPROVED' } });
    else await tx.topic.delete({ where: { id: topic.id } });
    await recordAudit({ actorId: actorIdOf(viewer), action: approve ? 'topic.approve' : 'topic.reject', targetType: 'topic', targetId: topic.id, detail: { name: topic.name }, ip }, tx);
    return { ok: true };
  });
}

/** Retiring takes a profile out of the directory; its articles keep the byline and its page stays. */
export async function setAuthorRetired(viewer: Viewer | null, authorId: string, retired: boolean, ip: string | null): Promise<RosterResult<{ slug: string }>> {
  assertCan(viewer, 'author.retire', { authorIds: [authorId] });
  return getDb().$transaction(async (tx) => {
    const updated = await tx.author.updateMany({ where: { id: authorId, mergedIntoId: null }, data: { retired } });
    if (updated.count === 0) return { ok: false, message: 'This profile no longer exists.' };
    await recordAudit({ actorId: actorIdOf(viewer), action: retired ? 'author.retire' : 'author.reinstate', targetType: 'author', targetId: authorId, ip }, tx);
    const { slug } = await tx.author.findUniqueOrThrow({ where: { id: authorId }, select: { slug: true } });
    return { ok: true, slug };
  });
}

/**
 * Merges a duplicate into the profile that stays: its articles move (keeping their byline position), its
 * competences join, its slug and old slugs redirect, and a fellow account linked to it follows when the kept
 * profile has none.
 */
export async function mergeAuthors(viewer: Viewer | null, duplicateId: string, keptId: string, ip: string | null): Promise<RosterResult<{ slug: string }>> {
  assertCan(viewer, 'author.merge', { authorIds: [duplicateId, keptId] });
  if (duplicateId === keptId) return { ok: false, message: 'Choose another profile to merge into.' };
  return getDb().$transaction(async (tx) => {
    const select = { id: true, slug: true, user: { select: { id: true } }, competences: { select: { topicId: true } } } as const;
    const [duplicate, kept] = await Promise.all([
      tx.author.findFirst({ where: { id: duplicateId, mergedIntoId: null }, select }),
      tx.author.findFirst({ where: { id: keptId, mergedIntoId: null }, select }),
    ]);
    if (!duplicate || !kept) return { ok: false, message: 'One of the profiles no longer exists.' };
    if (duplicate.user && kept.user) return { ok: false, message: 'Both profiles belong to fellow accounts: disable one account first.' };

    const bylines = await tx.articleAuthor.findMany({ where: { authorId: duplicate.id }, select: { articleId: true, position: true } });
    const shared = await tx.articleAuthor.findMany({ where: { authorId: kept.id, articleId: { in: bylines.map((byline) => byline.articleId) } }, select: { articleId: true } });
    const sharedIds = new Set(shared.map((byline) => byline.articleId));
    await tx.articleAuthor.deleteMany({ where: { authorId: duplicate.id } });
    await tx.articleAuthor.createMany({ data: bylines.filter((byline) => !sharedIds.has(byline.articleId)).map((byline) => ({ ...byline, authorId: kept.id })) });

    const keptTopics = new Set(kept.competences.map((competence) => competence.topicId));
    const added = duplicate.competences.filter((competence) => !keptTopics.has(competence.topicId));
    await tx.authorTopic.createMany({ data: added.map((competence, index) => ({ authorId: kept.id, topicId: competence.topicId, position: keptTopics.size + index })) });

    await tx.authorSlugRedirect.updateMany({ where: { authorId: duplicate.id }, data: { authorId: kept.id } });
    await tx.authorSlugRedirect.create({ data: { slug: duplicate.slug, authorId: kept.id } });
    if (duplicate.user) await tx.user.update({ where: { id: duplicate.user.id }, data: { authorId: kept.id } });
    await tx.author.update({ where: { id: duplicate.id }, data: { mergedIntoId: kept.id, retired: true } });
    await recordAudit({ actorId: actorIdOf(viewer), action: 'author.merge', targetType: 'author', targetId: kept.id, detail: { duplicateId: duplicate.id, duplicateSlug: duplicate.slug }, ip }, tx);
    return { ok: true, slug: (await tx.author.findUniqueOrThrow({ where: { id: kept.id }, select: { slug: true } })).slug };
  });
}

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A one-time link (as lib/data/users.ts makes them: only the SHA-256 stored, 7 days) inviting a fellow to claim
 * this profile; accepting it at /invite/[token] creates the FELLOW account linked to it.
 */
export async function inviteToClaimProfile(
  viewer: Viewer | null,
  authorId: string,
  input: { email: string; name: string },
  ip: string | null,
): Promise<RosterResult<{ token: string }> | { ok: false; message: string; errors: Record<string, string[]> }> {
  assertCan(viewer, 'author.invite', { authorIds: [authorId] });
  const db = getDb();
  const author = await db.author.findFirst({ where: { id: authorId, mergedIntoId: null }, select: { id: true, user: { select: { id: true } } } });
  if (!author) return { ok: false, message: 'This profile no longer exists.' };
  if (author.user) return { ok: false, message: 'This profile already belongs to a fellow account.' };
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, message: 'A user with this email already exists.', errors: { email: ['A user with this email already exists.'] } };
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = crypto.createHash('sha256').update(token).digest('hex');
  await db.$transaction(async (tx) => {
    // A new invitation for the profile replaces any earlier one still open.
    await tx.userToken.updateMany({ where: { kind: 'invitation', authorId, usedAt: null }, data: { expiresAt: new Date() } });
    const created = await tx.userToken.create({
      data: { kind: 'invitation', tokenHash, email: input.email, name: input.name, role: 'FELLOW', authorId, createdById: actorIdOf(viewer), expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      select: { id: true },
    });
    await recordAudit({ actorId: actorIdOf(viewer), action: 'author.invite', targetType: 'invitation', targetId: created.id, detail: { email: input.email, authorId }, ip }, tx);
  });
  return { ok: true, token };
}
