import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { profileFormSchema, type ProfileFormInput } from '@/lib/validation/profile';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// Author profiles on a real PostgreSQL: saves become revisions, restores, the approval workflow, photos,
// proposed terms, and the roster's guest authors, merges, retirement and claim invitations.

// Public reads straight from the database: these tests run outside Next's data cache.
process.env.PUBLIC_CACHE = 'off';

let prisma: ScriptPrisma;
let profiles: typeof import('@/lib/data/profiles');
let roster: typeof import('@/lib/data/roster');
let users: typeof import('@/lib/data/users');
let authors: typeof import('@/lib/data/authors');
let auth: typeof import('@/lib/data/auth');
let editor: Viewer;
let admin: Viewer;
let counter = 0;

const unique = (prefix: string) => `${prefix}-${Date.now()}-${counter++}`;
const form = (input: Partial<ProfileFormInput> & { name: string }) => profileFormSchema.parse(input);

async function viewerFor(role: 'ADMIN' | 'EDITOR' | 'FELLOW', authorId: string | null = null): Promise<Viewer> {
  const user = await prisma.user.create({ data: { email: `${unique('profiles')}@example.test`, name: `${role} ${counter}`, role, authorId } });
  const viewer = await auth.getSessionViewer(user.id, user.sessionVersion);
  if (!viewer) throw new Error('viewer expected');
  return viewer;
}

async function fellowWithProfile(): Promise<{ fellow: Viewer; authorId: string; slug: string }> {
  const slug = unique('fellow');
  const author = await prisma.author.create({ data: { slug, name: 'Original Name', sortName: 'Name, Original', position: 'Fellow' } });
  return { fellow: await viewerFor('FELLOW', author.id), authorId: author.id, slug };
}

async function setApproval(required: boolean) {
  expect(await roster.setProfileApprovalRequired(admin, required, null)).toEqual({ ok: true });
}

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  profiles = await import('@/lib/data/profiles');
  roster = await import('@/lib/data/roster');
  users = await import('@/lib/data/users');
  authors = await import('@/lib/data/authors');
  auth = await import('@/lib/data/auth');
  editor = await viewerFor('EDITOR');
  admin = await viewerFor('ADMIN');
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('a fellow saving their profile', () => {
  it('applies every field at once, records a revision with who and when, and keeps the state before as a baseline', async () => {
    const { fellow, authorId, slug } = await fellowWithProfile();
    const topic = await prisma.topic.create({ data: { slug: unique('energy'), name: 'Energy', kind: 'THEME' } });
    const result = await profiles.saveProfile(fellow, authorId, form({
      name: 'New Name', position: 'Senior Fellow', location: 'Almaty', topicIds: [topic.id], fieldOfExpertise: 'Gas markets',
      workExperience: 'Ten years', biography: 'First paragraph.\n\nSecond.', languages: 'English, Kazakh, English',
      website: 'https://example.org', orcid: 'https://orcid.org/0000-0002-1825-0097', xHandle: '@newname',
      linkedin: 'https://www.linkedin.com/in/newname', email: 'new@example.org', showEmail: true,
    }), null);
    expect(result).toEqual({ ok: true, outcome: 'saved', slug });

    const found = await authors.getAuthorProfileBySlug(slug);
    const profile = found && 'author' in found ? found.author : null;
    expect(profile).toMatchObject({ name: 'New Name', position: 'Senior Fellow', location: 'Almaty', fieldOfExpertise: 'Gas markets', languages: ['English', 'Kazakh'] });
    expect(profile?.competences.map((competence) => competence.name)).toEqual(['Energy']);
    expect(profile?.links.map((link) => link.href)).toEqual([
      'https://example.org', 'https://orcid.org/0000-0002-1825-0097', 'https://x.com/newname', 'https://www.linkedin.com/in/newname', 'mailto:new@example.org',
    ]);

    const revisions = await profiles.listProfileRevisions(fellow, authorId);
    expect(revisions?.map((revision) => [revision.status, revision.createdBy])).toEqual([['applied', fellow.name], ['applied', null]]);
    expect(revisions?.[1]?.diffs.map((diff) => diff.field)).toContain('Name');
  });

  it('restores an earlier version as a new revision', async () => {
    const { fellow, authorId } = await fellowWithProfile();
    await profiles.saveProfile(fellow, authorId, form({ name: 'First Save', biography: 'One' }), null);
    await profiles.saveProfile(fellow, authorId, form({ name: 'Second Save', biography: 'Two' }), null);
    const revisions = (await profiles.listProfileRevisions(fellow, authorId))!;
    const first = revisions.find((revision) => revision.diffs.some((diff) => diff.parts.some((part) => part.text.includes('First'))))!;
    expect(await profiles.restoreProfileRevision(fellow, authorId, first.id, null)).toMatchObject({ ok: true, outcome: 'saved' });
    expect(await prisma.author.findUniqueOrThrow({ where: { id: authorId } })).toMatchObject({ name: 'First Save', biography: 'One' });
    expect(await prisma.authorRevision.count({ where: { authorId } })).toBe(4);
  });

  it('accepts only a square photo the fellow uploaded', async () => {
    const { fellow, authorId } = await fellowWithProfile();
    const media = (width: number, height: number, uploadedById: string) =>
      prisma.media.create({ data: { storageKey: `uploads/test/${unique('photo')}.jpg`, mimeType: 'image/jpeg', width, height, byteSize: 1, uploadedById } });
    const wide = await media(400, 300, fellow.id);
    const someoneElses = await media(300, 300, editor.id);
    const square = await media(300, 300, fellow.id);
    const withPhoto = (photoId: string) => form({ name: 'Photo Person', photoId, photoAlt: 'A portrait' });
    expect(await profiles.saveProfile(fellow, authorId, withPhoto(wide.id), null)).toMatchObject({ ok: false, errors: { photo: ['Crop the photo to a square before saving.'] } });
    expect(await profiles.saveProfile(fellow, authorId, withPhoto(someoneElses.id), null)).toMatchObject({ ok: false, errors: { photo: [expect.stringContaining('not available')] } });
    expect(await profiles.saveProfile(fellow, authorId, withPhoto(square.id), null)).toMatchObject({ ok: true });
    expect(await prisma.author.findUniqueOrThrow({ where: { id: authorId } })).toMatchObject({ photoId: square.id, photoAlt: 'A portrait' });
  });

  it('proposes a new term, which an editor approves into the controlled list', async () => {
    const { fellow, authorId } = await fellowWithProfile();
    const name = `Arctic shipping ${counter++}`;
    await profiles.saveProfile(fellow, authorId, form({ name: 'Proposer', proposedTopicName: name, proposedTopicKind: 'THEME' }), null);
    const proposed = (await roster.listProposedTopics(editor)).find((topic) => topic.name === name);
    expect(proposed).toMatchObject({ kind: 'THEME', authors: ['Proposer'] });
    expect(await roster.decideProposedTopic(editor, proposed!.id, true, null)).toEqual({ ok: true });
    expect(await prisma.topic.findUniqueOrThrow({ where: { id: proposed!.id } })).toMatchObject({ status: 'APPROVED' });
  });
});

describe('approval of fellows\' changes', () => {
  it('keeps a fellow\'s change pending until an editor approves it; a rejection leaves the profile and records the note', async () => {
    const { fellow, authorId } = await fellowWithProfile();
    await setApproval(true);
    try {
      expect(await profiles.saveProfile(fellow, authorId, form({ name: 'Pending Name' }), null)).toMatchObject({ ok: true, outcome: 'pending' });
      expect((await prisma.author.findUniqueOrThrow({ where: { id: authorId } })).name).toBe('Original Name');
      // The fellow's form shows the waiting change; a second save replaces it rather than piling up.
      expect((await profiles.getProfileEditor(fellow, authorId))?.profile.name).toBe('Pending Name');
      await profiles.saveProfile(fellow, authorId, form({ name: 'Pending Again' }), null);
      const pending = (await roster.listPendingProfileChanges(editor)).filter((change) => change.author.id === authorId);
      expect(pending).toHaveLength(1);
      expect(pending[0]!.diffs.find((diff) => diff.field === 'Name')?.parts).toEqual([
        { text: 'Original Name', change: 'removed' },
        { text: 'Pending Again', change: 'added' },
      ]);
      // Staff edits are never held back.
      expect(await profiles.saveProfile(editor, authorId, form({ name: 'Original Name', position: 'Fellow' }), null)).toMatchObject({ outcome: 'saved' });

      expect(await roster.reviewProfileChange(editor, pending[0]!.revisionId, 'approve', '', null)).toMatchObject({ ok: true });
      expect((await prisma.author.findUniqueOrThrow({ where: { id: authorId } })).name).toBe('Pending Again');
      expect(await roster.reviewProfileChange(editor, pending[0]!.revisionId, 'approve', '', null)).toMatchObject({ ok: false });

      await profiles.saveProfile(fellow, authorId, form({ name: 'Rejected Name' }), null);
      const [rejected] = (await roster.listPendingProfileChanges(editor)).filter((change) => change.author.id === authorId);
      expect(await roster.reviewProfileChange(editor, rejected!.revisionId, 'reject', 'Please keep your full name.', null)).toMatchObject({ ok: true });
      expect((await prisma.author.findUniqueOrThrow({ where: { id: authorId } })).name).toBe('Pending Again');
      const history = await profiles.listProfileRevisions(fellow, authorId);
      expect(history?.[0]).toMatchObject({ status: 'rejected', reviewNote: 'Please keep your full name.' });
    } finally {
      await setApproval(false);
    }
  });
});

describe('the roster', () => {
  it('creates a guest author with a unique slug, lists and filters it, and retires it from the directory', async () => {
    const name = `Guest Writer ${counter++}`;
    const first = await roster.createGuestAuthor(editor, { name, position: 'Contributor', location: '' }, null);
    const second = await roster.createGuestAuthor(editor, { name, position: '', location: '' }, null);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect((await roster.listRoster(editor, { q: name, status: 'active' })).map((entry) => [entry.id, entry.account])).toEqual([[first.id, 'guest'], [second.id, 'guest']]);

    const topic = await prisma.topic.create({ data: { slug: unique('caucasus'), name: 'Caucasus', kind: 'REGION' } });
    await profiles.saveProfile(editor, first.id, form({ name, topicIds: [topic.id] }), null);
    expect((await roster.listRoster(editor, { q: name, topic: topic.slug, status: 'active' })).map((entry) => entry.id)).toEqual([first.id]);

    expect(await roster.setAuthorRetired(editor, first.id, true, null)).toMatchObject({ ok: true });
    expect((await roster.listRoster(editor, { q: name, status: 'retired' })).map((entry) => entry.id)).toEqual([first.id]);
  });

  it('merges a duplicate: bylines move, competences join, the old slug redirects', async () => {
    const keep = await roster.createGuestAuthor(editor, { name: `Kept ${counter++}`, position: '', location: '' }, null);
    const duplicate = await roster.createGuestAuthor(editor, { name: `Duplicate ${counter++}`, position: '', location: '' }, null);
    const body = { type: 'doc', content: [] };
    const article = await prisma.article.create({ data: { slug: unique('merge-article'), title: 'Merged byline', body, authors: { create: [{ authorId: duplicate.id, position: 0 }] } } });
    const both = await prisma.article.create({
      data: { slug: unique('merge-both'), title: 'Both', body, authors: { create: [{ authorId: keep.id, position: 0 }, { authorId: duplicate.id, position: 1 }] } },
    });

    expect(await roster.mergeAuthors(editor, duplicate.id, keep.id, null)).toEqual({ ok: true, slug: keep.slug });
    expect(await prisma.articleAuthor.findMany({ where: { articleId: { in: [article.id, both.id] } }, select: { articleId: true, authorId: true } })).toEqual(
      expect.arrayContaining([{ articleId: article.id, authorId: keep.id }, { articleId: both.id, authorId: keep.id }]),
    );
    expect(await prisma.articleAuthor.count({ where: { authorId: duplicate.id } })).toBe(0);
    expect(await authors.getAuthorProfileBySlug(duplicate.slug)).toEqual({ redirectTo: keep.slug });
    expect((await roster.listRoster(editor, { status: 'all' })).some((entry) => entry.id === duplicate.id)).toBe(false);
  });

  it('invites a fellow to claim a guest profile: accepting creates the FELLOW account linked to it', async () => {
    const guest = await roster.createGuestAuthor(editor, { name: `Claimable ${counter++}`, position: '', location: '' }, null);
    const email = `${unique('claimant')}@example.test`;
    const invited = await roster.inviteToClaimProfile(editor, guest.id, { email, name: 'Claimant' }, null);
    if (!invited.ok) throw new Error(invited.message);
    expect(await users.acceptInvitation(invited.token, 'a long claimant passphrase', null)).toEqual({ ok: true, email });
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: 'FELLOW', authorId: guest.id });
    expect(await roster.inviteToClaimProfile(editor, guest.id, { email: `${unique('again')}@example.test`, name: 'Again' }, null)).toMatchObject({ ok: false });
  });
});
