import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { profileFormSchema } from '@/lib/validation/profile';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// Every data-layer function that takes a viewer (each mutation and each read of non-public data) has a row
// here, with the expected outcome for every persona. A new such function without a row fails the suite.

type Persona = 'anonymous' | 'fellowOwn' | 'fellowOther' | 'editor' | 'admin';
type Outcome = 'allow' | 'deny';
type Fixture = {
  viewers: Record<Exclude<Persona, 'anonymous'>, Viewer>;
  newUser: () => Promise<string>;
  /** A fresh draft article: co-authored by the "own" fellow's profile when `own`, otherwise by nobody's. */
  article: (own: boolean) => Promise<{ id: string; version: number; revisionId: string }>;
};
type Row = {
  /** Calls the function as `viewer`; `own` says whether the target should belong to the viewer. */
  call: (viewer: Viewer | null, fixture: Fixture, own: boolean) => Promise<unknown>;
  expected: Record<Persona, Outcome>;
};

let prisma: ScriptPrisma;
let fixture: Fixture;
let data: {
  users: typeof import('@/lib/data/users');
  authors: typeof import('@/lib/data/authors');
  newsroom: typeof import('@/lib/data/newsroom');
  mediaUploads: typeof import('@/lib/data/media-uploads');
  auth: typeof import('@/lib/data/auth');
  permissions: typeof import('@/lib/auth/permissions');
  drafts: typeof import('@/lib/data/article-drafts');
  revisions: typeof import('@/lib/data/article-revisions');
  workflow: typeof import('@/lib/data/article-workflow');
  preview: typeof import('@/lib/data/article-preview');
  notes: typeof import('@/lib/data/article-notes');
  legacyImport: typeof import('@/lib/data/legacy-import');
  search: typeof import('@/lib/data/search');
  profiles: typeof import('@/lib/data/profiles');
  roster: typeof import('@/lib/data/roster');
  account: typeof import('@/lib/data/account');
};

const adminOnly: Record<Persona, Outcome> = { anonymous: 'deny', fellowOwn: 'deny', fellowOther: 'deny', editor: 'deny', admin: 'allow' };
const staffOnly: Record<Persona, Outcome> = { anonymous: 'deny', fellowOwn: 'deny', fellowOther: 'deny', editor: 'allow', admin: 'allow' };
const signedIn: Record<Persona, Outcome> = { anonymous: 'deny', fellowOwn: 'allow', fellowOther: 'allow', editor: 'allow', admin: 'allow' };

const staffOrCoAuthor: Record<Persona, Outcome> = { anonymous: 'deny', fellowOwn: 'allow', fellowOther: 'deny', editor: 'allow', admin: 'allow' };

/** An article the viewer may not see answers like one that does not exist; that and a refusal are denials. */
async function deniedIfHidden(promise: Promise<unknown>): Promise<unknown> {
  const result = await promise;
  const reason = result && typeof result === 'object' && 'reason' in result ? result.reason : undefined;
  if (result === null || reason === 'forbidden' || reason === 'not-found') throw new data.permissions.ForbiddenError('article.read');
  return result;
}

const draftInput = { title: 'Changed title', body: { type: 'doc', content: [] } };

const articleRows: Record<string, Row> = {
  'article-drafts.getEditorArticle': { call: async (viewer, f, own) => deniedIfHidden(data.drafts.getEditorArticle(viewer, (await f.article(own)).id)), expected: staffOrCoAuthor },
  'article-drafts.createArticle': { call: (viewer) => data.drafts.createArticle(viewer, draftInput), expected: signedIn },
  'article-drafts.saveArticleDraft': {
    call: async (viewer, f, own) => {
      const article = await f.article(own);
      return deniedIfHidden(data.drafts.saveArticleDraft(viewer, article.id, article.version, draftInput, 'save'));
    },
    expected: staffOrCoAuthor,
  },
  'article-drafts.restoreRevision': {
    call: async (viewer, f, own) => {
      const article = await f.article(own);
      return deniedIfHidden(data.drafts.restoreRevision(viewer, article.id, article.revisionId, article.version, null));
    },
    expected: staffOrCoAuthor,
  },
  'article-drafts.listEditorOptions': { call: (viewer) => data.drafts.listEditorOptions(viewer), expected: signedIn },
  'article-revisions.listRevisions': { call: async (viewer, f, own) => deniedIfHidden(data.revisions.listRevisions(viewer, (await f.article(own)).id)), expected: staffOrCoAuthor },
  'article-revisions.getRevision': {
    call: async (viewer, f, own) => {
      const article = await f.article(own);
      return deniedIfHidden(data.revisions.getRevision(viewer, article.id, article.revisionId));
    },
    expected: staffOrCoAuthor,
  },
  'article-workflow.submitForReview': { call: async (viewer, f, own) => deniedIfHidden(data.workflow.submitForReview(viewer, (await f.article(own)).id, null)), expected: staffOrCoAuthor },
  'article-workflow.publishArticle': { call: async (viewer, f, own) => deniedIfHidden(data.workflow.publishArticle(viewer, (await f.article(own)).id, null, null)), expected: staffOnly },
  'article-workflow.scheduleArticle': {
    call: async (viewer, f, own) => deniedIfHidden(data.workflow.scheduleArticle(viewer, (await f.article(own)).id, null, new Date(Date.now() + 86_400_000), null)),
    expected: staffOnly,
  },
  'article-workflow.cancelSchedule': { call: async (viewer, f, own) => deniedIfHidden(data.workflow.cancelSchedule(viewer, (await f.article(own)).id, null)), expected: staffOnly },
  'article-workflow.updatePublishedArticle': {
    call: async (viewer, f, own) => deniedIfHidden(data.workflow.updatePublishedArticle(viewer, (await f.article(own)).id, null, null, null)),
    expected: staffOnly,
  },
  'article-workflow.archiveArticle': { call: async (viewer, f, own) => deniedIfHidden(data.workflow.archiveArticle(viewer, (await f.article(own)).id, null)), expected: staffOnly },
  'article-workflow.deleteArticle': { call: async (viewer, f, own) => deniedIfHidden(data.workflow.deleteArticle(viewer, (await f.article(own)).id, null)), expected: staffOrCoAuthor },
  'article-workflow.applyBulkAction': { call: async (viewer, f, own) => data.workflow.applyBulkAction(viewer, [(await f.article(own)).id], 'archive', null), expected: staffOnly },
  'article-preview.getArticlePreview': { call: async (viewer, f, own) => deniedIfHidden(data.preview.getArticlePreview(viewer, (await f.article(own)).id)), expected: staffOrCoAuthor },
  'article-preview.createPreviewLink': { call: async (viewer, f, own) => deniedIfHidden(data.preview.createPreviewLink(viewer, (await f.article(own)).id, 7, null)), expected: staffOrCoAuthor },
  'article-preview.listPreviewLinks': { call: async (viewer, f, own) => deniedIfHidden(data.preview.listPreviewLinks(viewer, (await f.article(own)).id)), expected: staffOrCoAuthor },
  'article-preview.revokePreviewLink': { call: async (viewer, f, own) => deniedIfHidden(data.preview.revokePreviewLink(viewer, (await f.article(own)).id, 'no-such-link', null)), expected: staffOrCoAuthor },
  'article-notes.listArticleNotes': { call: async (viewer, f, own) => deniedIfHidden(data.notes.listArticleNotes(viewer, (await f.article(own)).id)), expected: staffOnly },
  'article-notes.addArticleNote': { call: async (viewer, f, own) => deniedIfHidden(data.notes.addArticleNote(viewer, (await f.article(own)).id, 'A note')), expected: staffOnly },
};

/** The target user: the viewer themself when `own`, otherwise a fresh user. */
const targetUser = async (viewer: Viewer | null, fixture: Fixture, own: boolean) => (own && viewer ? viewer.id : fixture.newUser());
let counter = 0;
const uniqueEmail = () => `matrix-${Date.now()}-${counter++}@example.test`;

/** The "own" fellow's profile when `own`, otherwise a profile nobody in the fixture owns. */
const profileId = async (own: boolean) => (await prisma.author.findUniqueOrThrow({ where: { slug: own ? 'author-a' : 'author-c' } })).id;
/** A fresh profile of its own, for roster changes that would disturb the fixture (merge, retire, invite). */
const freshProfile = async () => (await prisma.author.create({ data: { slug: `matrix-profile-${counter++}`, name: 'Matrix profile', sortName: 'Profile, Matrix' } })).id;

// Missing revisions and topics are refused after the permission check, so allowed personas get a message.
const profileRows: Record<string, Row> = {
  'profiles.getProfileEditor': { call: async (viewer, _f, own) => data.profiles.getProfileEditor(viewer, await profileId(own)), expected: staffOrCoAuthor },
  'profiles.saveProfile': {
    call: async (viewer, _f, own) => data.profiles.saveProfile(viewer, await profileId(own), profileFormSchema.parse({ name: own ? 'Author A' : 'Author C' }), null),
    expected: staffOrCoAuthor,
  },
  'profiles.listProfileRevisions': { call: async (viewer, _f, own) => data.profiles.listProfileRevisions(viewer, await profileId(own)), expected: staffOrCoAuthor },
  'profiles.restoreProfileRevision': {
    call: async (viewer, _f, own) => data.profiles.restoreProfileRevision(viewer, await profileId(own), 'no-such-revision', null),
    expected: staffOrCoAuthor,
  },
  'roster.listRoster': { call: (viewer) => data.roster.listRoster(viewer, { status: 'all' }), expected: staffOnly },
  'roster.createGuestAuthor': { call: (viewer) => data.roster.createGuestAuthor(viewer, { name: 'Matrix guest', position: '', location: '' }, null), expected: staffOnly },
  'roster.listPendingProfileChanges': { call: (viewer) => data.roster.listPendingProfileChanges(viewer), expected: staffOnly },
  'roster.reviewProfileChange': { call: (viewer) => data.roster.reviewProfileChange(viewer, 'no-such-revision', 'reject', '', null), expected: staffOnly },
  'roster.setProfileApprovalRequired': { call: (viewer) => data.roster.setProfileApprovalRequired(viewer, false, null), expected: adminOnly },
  'roster.listProposedTopics': { call: (viewer) => data.roster.listProposedTopics(viewer), expected: staffOnly },
  'roster.decideProposedTopic': { call: (viewer) => data.roster.decideProposedTopic(viewer, 'no-such-topic', false, null), expected: staffOnly },
  'roster.setAuthorRetired': { call: async (viewer, _f, own) => data.roster.setAuthorRetired(viewer, own ? await profileId(true) : await freshProfile(), false, null), expected: staffOnly },
  'roster.mergeAuthors': { call: async (viewer) => data.roster.mergeAuthors(viewer, await freshProfile(), await freshProfile(), null), expected: staffOnly },
  'roster.inviteToClaimProfile': {
    call: async (viewer) => data.roster.inviteToClaimProfile(viewer, await freshProfile(), { email: uniqueEmail(), name: 'Claimant' }, null),
    expected: staffOnly,
  },
};

const matrix: Record<string, Row> = {
  'users.listUsers': { call: (viewer) => data.users.listUsers(viewer), expected: adminOnly },
  'users.inviteUser': {
    call: (viewer) => data.users.inviteUser(viewer, { email: uniqueEmail(), name: 'Invitee', role: 'EDITOR' }, null),
    expected: adminOnly,
  },
  'users.changeUserRole': {
    call: async (viewer, f, own) => data.users.changeUserRole(viewer, await targetUser(viewer, f, own), 'EDITOR', null),
    // Nobody changes their own role: an admin cannot lock themself out.
    expected: adminOnly,
  },
  'users.setUserDisabled': {
    call: async (viewer, f, own) => data.users.setUserDisabled(viewer, await targetUser(viewer, f, own), true, null),
    expected: adminOnly,
  },
  'users.createPasswordResetLink': {
    call: async (viewer, f, own) => data.users.createPasswordResetLink(viewer, await targetUser(viewer, f, own), null),
    expected: adminOnly,
  },
  'users.createUserWithPassword': {
    call: (viewer) => data.users.createUserWithPassword(viewer, { email: uniqueEmail(), name: 'Created', role: 'EDITOR', password: 'a long enough passphrase' }),
    expected: adminOnly,
  },
  'users.findUserIdByEmail': { call: (viewer) => data.users.findUserIdByEmail(viewer, 'nobody@example.test'), expected: adminOnly },
  'users.setUserPassword': {
    call: async (viewer, f, own) => data.users.setUserPassword(viewer, await targetUser(viewer, f, own), 'another long passphrase'),
    expected: adminOnly,
  },
  'authors.listAuthorOptions': { call: (viewer) => data.authors.listAuthorOptions(viewer), expected: staffOnly },
  'newsroom.listNewsroomArticles': { call: (viewer) => data.newsroom.listNewsroomArticles(viewer, { sort: 'updated-desc', page: 1 }), expected: signedIn },
  'newsroom.getArticleTitles': { call: (viewer) => data.newsroom.getArticleTitles(viewer, []), expected: signedIn },
  'search.searchNewsroomArticles': { call: (viewer) => data.search.searchNewsroomArticles(viewer, { q: 'matrix', page: 1 }), expected: signedIn },
  // An unreadable document: the permission check runs first, and nothing is created either way.
  'legacy-import.importLegacyDocument': { call: (viewer) => data.legacyImport.importLegacyDocument(viewer, '', null), expected: staffOnly },
  'media-uploads.uploadImage': {
    // Not an image: refused after the permission check, so allowed personas get a message and nothing is stored.
    call: (viewer) => data.mediaUploads.uploadImage(viewer, { bytes: Buffer.from('not an image'), originalName: 'matrix.png', alt: '' }, null),
    expected: signedIn,
  },
  'media-uploads.listRecentMedia': { call: (viewer) => data.mediaUploads.listRecentMedia(viewer, 10), expected: signedIn },
  // Each acts only on the viewer's own account, so every signed-in persona is allowed; the fixture users have no
  // password, so the password and email changes stop at re-authentication and change nothing.
  'account.changeOwnPassword': {
    call: (viewer) => data.account.changeOwnPassword(viewer, { currentPassword: 'not the password', newPassword: 'another long passphrase' }, null),
    expected: signedIn,
  },
  'account.changeOwnEmail': { call: (viewer) => data.account.changeOwnEmail(viewer, { currentPassword: 'not the password', newEmail: uniqueEmail() }, null), expected: signedIn },
  'account.signOutEverywhere': { call: (viewer) => data.account.signOutEverywhere(viewer, null), expected: signedIn },
  ...articleRows,
  ...profileRows,
};

/** Exported functions of lib/data whose first parameter is the viewer. */
function viewerTakingFunctions(): string[] {
  const folder = path.resolve('lib/data');
  return fs.readdirSync(folder).flatMap((file) => {
    const source = fs.readFileSync(path.join(folder, file), 'utf8');
    return [...source.matchAll(/export async function (\w+)\(\s*viewer\b/g)].map((match) => `${file.replace(/\.ts$/, '')}.${match[1]}`);
  });
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return 'allow';
  } catch (error) {
    if (error instanceof data.permissions.ForbiddenError) return 'deny';
    throw error;
  }
}

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  data = {
    users: await import('@/lib/data/users'),
    authors: await import('@/lib/data/authors'),
    newsroom: await import('@/lib/data/newsroom'),
    mediaUploads: await import('@/lib/data/media-uploads'),
    auth: await import('@/lib/data/auth'),
    permissions: await import('@/lib/auth/permissions'),
    drafts: await import('@/lib/data/article-drafts'),
    revisions: await import('@/lib/data/article-revisions'),
    workflow: await import('@/lib/data/article-workflow'),
    preview: await import('@/lib/data/article-preview'),
    notes: await import('@/lib/data/article-notes'),
    legacyImport: await import('@/lib/data/legacy-import'),
    search: await import('@/lib/data/search'),
    profiles: await import('@/lib/data/profiles'),
    roster: await import('@/lib/data/roster'),
    account: await import('@/lib/data/account'),
  };
  const authorA = await prisma.author.create({ data: { slug: 'author-a', name: 'Author A', sortName: 'A, Author' } });
  const authorB = await prisma.author.create({ data: { slug: 'author-b', name: 'Author B', sortName: 'B, Author' } });
  const authorC = await prisma.author.create({ data: { slug: 'author-c', name: 'Author C', sortName: 'C, Author' } });
  const makeViewer = async (role: 'ADMIN' | 'EDITOR' | 'FELLOW', authorId: string | null): Promise<Viewer> => {
    const user = await prisma.user.create({ data: { email: uniqueEmail(), name: `${role} user`, role, authorId } });
    const viewer = await data.auth.getSessionViewer(user.id, user.sessionVersion);
    if (!viewer) throw new Error('viewer expected');
    return viewer;
  };
  fixture = {
    viewers: {
      fellowOwn: await makeViewer('FELLOW', authorA.id),
      fellowOther: await makeViewer('FELLOW', authorB.id),
      editor: await makeViewer('EDITOR', null),
      admin: await makeViewer('ADMIN', null),
    },
    newUser: async () => (await prisma.user.create({ data: { email: uniqueEmail(), name: 'Target', role: 'EDITOR' } })).id,
    article: async (own) => {
      const article = await prisma.article.create({
        data: {
          slug: `matrix-article-${counter++}`,
          title: 'Matrix article',
          body: { type: 'doc', content: [] },
          authors: { create: [{ authorId: own ? authorA.id : authorC.id, position: 0 }] },
          revisions: { create: [{ version: 1, kind: 'create', data: { title: 'Matrix article', body: { type: 'doc', content: [] } } }] },
        },
        select: { id: true, version: true, revisions: { select: { id: true } } },
      });
      return { id: article.id, version: article.version, revisionId: article.revisions[0]!.id };
    },
  };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('authorization matrix', () => {
  it('has a row for every data-layer function that takes a viewer, and no stale rows', () => {
    expect(Object.keys(matrix).sort()).toEqual(viewerTakingFunctions().sort());
  });

  const personas: Persona[] = ['anonymous', 'fellowOwn', 'fellowOther', 'editor', 'admin'];
  for (const [name, row] of Object.entries(matrix)) {
    for (const persona of personas) {
      it(`${name} as ${persona}: ${row.expected[persona]}`, async () => {
        const viewer = persona === 'anonymous' ? null : fixture.viewers[persona];
        // "Own" targets are the viewer's own account; "other" targets belong to someone else.
        const own = persona === 'fellowOwn';
        expect(await outcomeOf(() => row.call(viewer, fixture, own))).toBe(row.expected[persona]);
      });
    }
  }

  it('refuses an admin changing their own role or disabling themself', async () => {
    const admin = fixture.viewers.admin;
    expect(await outcomeOf(() => data.users.changeUserRole(admin, admin.id, 'FELLOW', null))).toBe('deny');
    expect(await outcomeOf(() => data.users.setUserDisabled(admin, admin.id, true, null))).toBe('deny');
  });

  it('shows a fellow only the articles they co-author', async () => {
    const [authorA, authorB] = await Promise.all(['author-a', 'author-b'].map((slug) => prisma.author.findUniqueOrThrow({ where: { slug } })));
    const body = { type: 'doc', content: [] };
    await prisma.article.create({ data: { slug: 'by-a', title: 'By A', body, authors: { create: [{ authorId: authorA!.id, position: 0 }] } } });
    await prisma.article.create({ data: { slug: 'by-b', title: 'By B', body, authors: { create: [{ authorId: authorB!.id, position: 0 }] } } });
    const listAs = (viewer: Viewer) => data.newsroom.listNewsroomArticles(viewer, { sort: 'updated-desc', page: 1 });
    // Other rows of this file create articles too; only these two matter here.
    const slugsFor = async (viewer: Viewer) => (await listAs(viewer)).rows.map((article) => article.slug).filter((slug) => slug.startsWith('by-')).sort();
    expect(await slugsFor(fixture.viewers.fellowOwn)).toEqual(['by-a']);
    expect(await slugsFor(fixture.viewers.editor)).toEqual(['by-a', 'by-b']);
  });
});

describe('sessions', () => {
  it('ends a session when the user is disabled, their role changes or their password is set', async () => {
    const admin = fixture.viewers.admin;
    for (const change of [
      (id: string) => data.users.setUserDisabled(admin, id, true, null),
      (id: string) => data.users.changeUserRole(admin, id, 'FELLOW', null),
      (id: string) => data.users.setUserPassword(admin, id, 'a brand new passphrase'),
    ]) {
      const userId = await fixture.newUser();
      const before = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
      expect(await data.auth.getSessionViewer(userId, before.sessionVersion)).not.toBeNull();
      await change(userId);
      expect(await data.auth.getSessionViewer(userId, before.sessionVersion)).toBeNull();
    }
  });
});
