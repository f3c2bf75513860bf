import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { FieldDiff } from '@/lib/content/revision-diff';
import { slugify } from '@/lib/content/slugify';
import { MAX_COMPETENCES, type ProfileData, type ProfileForm } from '@/lib/validation/profile';
import type { ImageDto, TopicKindDto } from './dto';
import { mediaSelect, toImage } from './mappers';
import {
  commitProfileChange,
  diffAgainst,
  isStaff,
  parseRevisionData,
  profileChangesNeedApprovalIn,
  profileSelect,
  rowToProfile,
  type ProfileRow,
  type SaveProfileResult,
  type Tx,
} from './profile-store';

// A profile's editor: the fellow who owns it, or staff. Every function asks for `author.edit` on that profile.

export type { SaveProfileResult } from './profile-store';

export type ProfileTopicOption = { id: string; name: string; kind: TopicKindDto; proposed: boolean };

export type ProfileEditorDto = {
  authorId: string;
  slug: string;
  retired: boolean;
  mergedInto: boolean;
  hasAccount: boolean;
  /** What the form starts from: the profile, or for a fellow whose change awaits approval, that change. */
  profile: ProfileData;
  photo: { id: string; image: ImageDto } | null;
  topics: ProfileTopicOption[];
  /** A change of this profile waiting for an editor, if any. */
  pending: { createdAt: string; createdBy: string | null } | null;
  /** Whether this viewer's saves wait for an editor. */
  approvalRequired: boolean;
};

export type ProfileRevisionStatus = 'applied' | 'pending' | 'rejected';

export type ProfileRevisionDto = {
  id: string;
  createdAt: string;
  createdBy: string | null;
  status: ProfileRevisionStatus;
  reviewNote: string | null;
  /** What restoring this revision would change in the current profile. */
  diffs: FieldDiff[];
};

const target = (authorId: string) => ({ authorIds: [authorId] });

async function loadProfileRow(tx: Tx | ReturnType<typeof getDb>, authorId: string): Promise<ProfileRow | null> {
  return tx.author.findUnique({ where: { id: authorId }, select: profileSelect });
}

/** The profile form's data; null when no such profile exists. */
export async function getProfileEditor(viewer: Viewer | null, authorId: string): Promise<ProfileEditorDto | null> {
  assertCan(viewer, 'author.edit', target(authorId));
  const db = getDb();
  const row = await db.author.findUnique({
    where: { id: authorId },
    select: { ...profileSelect, photo: { select: mediaSelect }, user: { select: { id: true } } },
  });
  if (!row) return null;
  const [pending, approval] = await Promise.all([
    db.authorRevision.findFirst({ where: { authorId, pending: true }, select: { data: true, createdAt: true, createdBy: { select: { name: true } } } }),
    profileChangesNeedApprovalIn(db),
  ]);
  const approvalRequired = approval && !isStaff(viewer);
  const waiting = approvalRequired && pending ? parseRevisionData(pending.data)?.profile : undefined;
  const profile = waiting ?? rowToProfile(row);
  const topics = await db.topic.findMany({
    // Proposed terms show only on the profiles that chose them.
    where: { OR: [{ status: 'APPROVED' }, { authors: { some: { authorId } } }, { id: { in: profile.topicIds } }] },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, kind: true, status: true },
  });
  const photoMedia = waiting?.photoId ? await db.media.findUnique({ where: { id: waiting.photoId }, select: mediaSelect }) : row.photo;
  const photo = profile.photoId ? toImage(photoMedia, profile.photoAlt) : null;
  return {
    authorId: row.id,
    slug: row.slug,
    retired: row.retired,
    mergedInto: row.mergedIntoId !== null,
    hasAccount: row.user !== null,
    profile,
    photo: photo ? { id: profile.photoId, image: photo } : null,
    topics: topics.map((topic) => ({ id: topic.id, name: topic.name, kind: topic.kind, proposed: topic.status === 'PROPOSED' })),
    pending: pending ? { createdAt: pending.createdAt.toISOString(), createdBy: pending.createdBy?.name ?? null } : null,
    approvalRequired,
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string[]> };

/** The chosen competences, plus the proposed new term (created as PROPOSED for an editor to approve). */
async function resolveCompetences(tx: Tx, form: ProfileForm): Promise<Checked<string[]>> {
  const ids = [...new Set(form.topicIds)];
  const found = await tx.topic.count({ where: { id: { in: ids } } });
  if (found !== ids.length) return { ok: false, errors: { topicIds: ['One of the chosen terms no longer exists. Reload the page and choose again.'] } };
  if (form.proposedTopicName) {
    const slug = slugify(form.proposedTopicName);
    if (!slug) return { ok: false, errors: { proposedTopicName: ['The proposed term needs letters or digits.'] } };
    const topic =
      (await tx.topic.findUnique({ where: { slug }, select: { id: true } })) ??
      (await tx.topic.create({ data: { slug, name: form.proposedTopicName, kind: form.proposedTopicKind, status: 'PROPOSED' }, select: { id: true } }));
    if (!ids.includes(topic.id)) ids.push(topic.id);
  }
  if (ids.length > MAX_COMPETENCES) return { ok: false, errors: { topicIds: [`Choose at most ${MAX_COMPETENCES} competences.`] } };
  return { ok: true, value: ids };
}

/** A new photo must be a square image this viewer uploaded (staff may use any upload). */
async function photoProblem(tx: Tx, viewer: Viewer, row: ProfileRow, photoId: string): Promise<string | null> {
  if (!photoId || photoId === row.photoId) return null;
  const media = await tx.media.findUnique({ where: { id: photoId }, select: { width: true, height: true, uploadedById: true } });
  if (!media || (!isStaff(viewer) && media.uploadedById !== viewer.id)) return 'This photo is not available: upload it again.';
  if (media.width !== media.height) return 'Crop the photo to a square before saving.';
  return null;
}

/** Saves the profile form: applied at once, or kept as a pending change when fellows' edits need approval. */
export async function saveProfile(viewer: Viewer | null, authorId: string, form: ProfileForm, ip: string | null): Promise<SaveProfileResult> {
  assertCan(viewer, 'author.edit', target(authorId));
  return getDb().$transaction(async (tx) => {
    const row = await loadProfileRow(tx, authorId);
    if (!row || row.mergedIntoId) return { ok: false, message: 'This profile no longer exists.' };
    const photo = await photoProblem(tx, viewer, row, form.photoId);
    if (photo) return { ok: false, message: 'Please correct the fields below.', errors: { photo: [photo] } };
    const competences = await resolveCompetences(tx, form);
    if (!competences.ok) return { ok: false, message: 'Please correct the fields below.', errors: competences.errors };
    const profile: ProfileData = {
      name: form.name, position: form.position, location: form.location, topicIds: competences.value,
      fieldOfExpertise: form.fieldOfExpertise, workExperience: form.workExperience, biography: form.biography,
      photoId: form.photoId, photoAlt: form.photoAlt, languages: form.languages, website: form.website, orcid: form.orcid,
      xHandle: form.xHandle, linkedin: form.linkedin, email: form.email, showEmail: form.showEmail,
    };
    return commitProfileChange(tx, viewer, row, profile, { action: 'author.edit', ip });
  });
}

function revisionStatus(row: { pending: boolean }, rejected: boolean): ProfileRevisionStatus {
  return row.pending ? 'pending' : rejected ? 'rejected' : 'applied';
}

/** Every revision of the profile, newest first, each compared with the profile as it is now. */
export async function listProfileRevisions(viewer: Viewer | null, authorId: string): Promise<ProfileRevisionDto[] | null> {
  assertCan(viewer, 'author.edit', target(authorId));
  const db = getDb();
  const row = await loadProfileRow(db, authorId);
  if (!row) return null;
  const current = rowToProfile(row);
  const revisions = await db.authorRevision.findMany({
    where: { authorId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: { id: true, data: true, pending: true, reviewNote: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const listed: ProfileRevisionDto[] = [];
  for (const revision of revisions) {
    const stored = parseRevisionData(revision.data);
    if (!stored) continue;
    listed.push({
      id: revision.id,
      createdAt: revision.createdAt.toISOString(),
      createdBy: revision.createdBy?.name ?? null,
      status: revisionStatus(revision, stored.rejected),
      reviewNote: revision.reviewNote,
      diffs: await diffAgainst(db, current, stored.profile),
    });
  }
  return listed;
}

/** Brings an earlier version back as a new change (itself pending when the viewer's changes need approval). */
export async function restoreProfileRevision(viewer: Viewer | null, authorId: string, revisionId: string, ip: string | null): Promise<SaveProfileResult> {
  assertCan(viewer, 'author.edit', target(authorId));
  return getDb().$transaction(async (tx) => {
    const row = await loadProfileRow(tx, authorId);
    const revision = await tx.authorRevision.findFirst({ where: { id: revisionId, authorId, pending: false }, select: { data: true } });
    const stored = revision ? parseRevisionData(revision.data) : null;
    if (!row || row.mergedIntoId || !stored) return { ok: false, message: 'This version no longer exists.' };
    // Terms and photos deleted since then are left out rather than failing the restore.
    const [topics, photo] = await Promise.all([
      tx.topic.findMany({ where: { id: { in: stored.profile.topicIds } }, select: { id: true } }),
      stored.profile.photoId ? tx.media.findUnique({ where: { id: stored.profile.photoId }, select: { id: true } }) : null,
    ]);
    const existing = new Set(topics.map((topic) => topic.id));
    const profile: ProfileData = {
      ...stored.profile,
      topicIds: stored.profile.topicIds.filter((id) => existing.has(id)),
      photoId: photo ? stored.profile.photoId : '',
      photoAlt: photo ? stored.profile.photoAlt : '',
    };
    return commitProfileChange(tx, viewer, row, profile, { action: 'author.restore', ip, detail: { revisionId } });
  });
}

/** Whether fellows' profile changes wait for an editor (a site setting; not secret). */
export async function profileChangesNeedApproval(): Promise<boolean> {
  return profileChangesNeedApprovalIn(getDb());
}
