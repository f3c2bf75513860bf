import 'server-only';
import { getDb } from '@/lib/db';
import type { Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { diffProfiles } from '@/lib/content/profile-diff';
import type { FieldDiff } from '@/lib/content/revision-diff';
import { storedProfileSchema, type ProfileData } from '@/lib/validation/profile';
import { recordAudit } from './audit';
import { operatorViewer } from './users';

// Shared by profiles.ts and roster.ts: how an author row maps to and from its editable profile, and how every
// change becomes a revision. Not a public door: the exported functions of those files check the viewer first.

export type Tx = Prisma.TransactionClient;

export const PROFILE_APPROVAL_SETTING = 'profiles.requireApproval';

export const actorIdOf = (viewer: Viewer) => (viewer.id === operatorViewer.id ? null : viewer.id);
export const isStaff = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'EDITOR';

export const profileSelect = {
  id: true,
  slug: true,
  name: true,
  position: true,
  location: true,
  fieldOfExpertise: true,
  workExperience: true,
  biography: true,
  photoId: true,
  photoAlt: true,
  languages: true,
  website: true,
  orcid: true,
  xHandle: true,
  linkedin: true,
  email: true,
  showEmail: true,
  retired: true,
  mergedIntoId: true,
  competences: { orderBy: { position: 'asc' }, select: { topicId: true } },
} satisfies Prisma.AuthorSelect;

export type ProfileRow = Prisma.AuthorGetPayload<{ select: typeof profileSelect }>;

export function rowToProfile(row: ProfileRow): ProfileData {
  return {
    name: row.name,
    position: row.position,
    location: row.location,
    topicIds: row.competences.map((competence) => competence.topicId),
    fieldOfExpertise: row.fieldOfExpertise,
    workExperience: row.workExperience,
    biography: row.biography,
    photoId: row.photoId ?? '',
    photoAlt: row.photoAlt,
    languages: row.languages,
    website: row.website ?? '',
    orcid: row.orcid ?? '',
    xHandle: row.xHandle ?? '',
    linkedin: row.linkedin ?? '',
    email: row.email ?? '',
    showEmail: row.showEmail,
  };
}

/** "Surname, Given names" for sorting: the last word of the name first. */
export function sortNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? `${words.at(-1)}, ${words.slice(0, -1).join(' ')}` : name.trim();
}

/** Writes the profile onto the author row, competences in the given order. */
export async function applyProfile(tx: Tx, authorId: string, profile: ProfileData): Promise<void> {
  const optional = (value: string) => value || null;
  await tx.author.update({
    where: { id: authorId },
    data: {
      name: profile.name,
      sortName: sortNameOf(profile.name),
      position: profile.position,
      location: profile.location,
      fieldOfExpertise: profile.fieldOfExpertise,
      workExperience: profile.workExperience,
      biography: profile.biography,
      photoId: optional(profile.photoId),
      photoAlt: profile.photoId ? profile.photoAlt : '',
      languages: profile.languages,
      website: optional(profile.website),
      orcid: optional(profile.orcid),
      xHandle: optional(profile.xHandle),
      linkedin: optional(profile.linkedin),
      email: optional(profile.email),
      showEmail: profile.showEmail,
    },
  });
  await tx.authorTopic.deleteMany({ where: { authorId } });
  await tx.authorTopic.createMany({ data: profile.topicIds.map((topicId, position) => ({ authorId, topicId, position })) });
}

/** What a revision's data holds: the profile, and whether an editor turned it down. */
export type StoredRevision = { profile: ProfileData; rejected: boolean };

export function toRevisionData(profile: ProfileData, rejected = false): Prisma.InputJsonValue {
  return { profile, rejected } as unknown as Prisma.InputJsonValue;
}

export function parseRevisionData(data: unknown): StoredRevision | null {
  const parsed = storedProfileSchema.safeParse((data as { profile?: unknown } | null)?.profile);
  return parsed.success ? { profile: parsed.data, rejected: (data as { rejected?: unknown }).rejected === true } : null;
}

/**
 * Before the first recorded change, the profile as it stood is kept as a revision of its own, so that even the
 * very first edit can be undone from the history.
 */
export async function ensureBaselineRevision(tx: Tx, row: ProfileRow, at: Date): Promise<void> {
  if (await tx.authorRevision.count({ where: { authorId: row.id } })) return;
  await tx.authorRevision.create({ data: { authorId: row.id, data: toRevisionData(rowToProfile(row)), createdAt: new Date(at.getTime() - 1) } });
}

export async function profileChangesNeedApprovalIn(tx: Tx | ReturnType<typeof getDb>): Promise<boolean> {
  const setting = await tx.setting.findUnique({ where: { key: PROFILE_APPROVAL_SETTING }, select: { value: true } });
  return setting?.value === true;
}

/** Names of the given topics by id, for diffs. */
export async function topicNames(tx: Tx | ReturnType<typeof getDb>, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.topic.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function diffAgainst(tx: Tx | ReturnType<typeof getDb>, older: ProfileData, newer: ProfileData): Promise<FieldDiff[]> {
  return diffProfiles(older, newer, await topicNames(tx, [...older.topicIds, ...newer.topicIds]));
}

export type SaveProfileResult =
  | { ok: true; outcome: 'saved' | 'pending'; slug: string }
  | { ok: false; message: string; errors?: Record<string, string[]> };

/**
 * The one way a profile changes: as a revision with who and when. A fellow's change waits for an editor while
 * the approval setting is on (one pending change per profile: a newer one replaces it); otherwise it is applied.
 */
export async function commitProfileChange(
  tx: Tx,
  viewer: Viewer,
  row: ProfileRow,
  profile: ProfileData,
  audit: { action: string; ip: string | null; detail?: Prisma.InputJsonValue },
): Promise<SaveProfileResult> {
  const now = new Date();
  await ensureBaselineRevision(tx, row, now);
  const createdById = actorIdOf(viewer);
  const pending = !isStaff(viewer) && (await profileChangesNeedApprovalIn(tx));
  if (pending) {
    const waiting = await tx.authorRevision.findFirst({ where: { authorId: row.id, pending: true }, select: { id: true } });
    if (waiting) await tx.authorRevision.update({ where: { id: waiting.id }, data: { data: toRevisionData(profile), createdById, createdAt: now } });
    else await tx.authorRevision.create({ data: { authorId: row.id, data: toRevisionData(profile), createdById, pending: true, createdAt: now } });
  } else {
    await applyProfile(tx, row.id, profile);
    await tx.authorRevision.create({ data: { authorId: row.id, data: toRevisionData(profile), createdById, createdAt: now } });
  }
  await recordAudit({ actorId: createdById, action: pending ? `${audit.action}.pending` : audit.action, targetType: 'author', targetId: row.id, detail: audit.detail, ip: audit.ip }, tx);
  return { ok: true, outcome: pending ? 'pending' : 'saved', slug: row.slug };
}
