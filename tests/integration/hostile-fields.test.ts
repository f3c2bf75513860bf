import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { articleDraftSchema, type ArticleDraftInput } from '@/lib/validation/article';
import { profileFormSchema, type ProfileFormInput } from '@/lib/validation/profile';
import { hostileStrings } from '../support/hostile-inputs';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// Every naughty string and wfuzz injection in every field of the article editor and the profile form, saved through
// the lib/data functions the server actions call. Each value is either stored as validated (text trimmed, line
// breaks as LF: the schemas' only changes to text) or refused with a sentence a person can act on; nothing throws.

let prisma: ScriptPrisma;
let drafts: typeof import('@/lib/data/article-drafts');
let notes: typeof import('@/lib/data/article-notes');
let profiles: typeof import('@/lib/data/profiles');
let editor: Viewer;
let fellow: Viewer;
let fellowAuthorId: string;

const strings = hostileStrings();

const ARTICLE_TEXT_FIELDS = ['title', 'lead', 'coverAlt', 'originalOutlet', 'sourceTitle', 'seoTitle', 'seoDescription'] as const;
const ARTICLE_CHECKED_FIELDS = ['slug', 'originalUrl', 'sourceUrl', 'originalPublishedAt', 'publishDate'] as const;
const ARTICLE_FIELDS = [...ARTICLE_TEXT_FIELDS, ...ARTICLE_CHECKED_FIELDS];

// The photo's alt text is stored with a photo only; tests/integration/profiles.test.ts covers it.
const PROFILE_TEXT_FIELDS = ['name', 'position', 'location', 'fieldOfExpertise', 'workExperience', 'biography'] as const;
const PROFILE_CHECKED_FIELDS = ['languages', 'website', 'orcid', 'xHandle', 'linkedin', 'email'] as const;
const PROFILE_FIELDS = [...PROFILE_TEXT_FIELDS, ...PROFILE_CHECKED_FIELDS, 'proposedTopicName'] as const;

/** A refusal a person can act on: a whole sentence naming the field, not a validator's default. */
function expectClearMessage(field: string, value: string, message: string | undefined) {
  expect(message, `${field} = ${JSON.stringify(value)}`).toMatch(/^[A-Z].{8,}[.)]$/s);
  expect(message).not.toMatch(/^Invalid (input|string)|^Too (big|small)|expected string/i);
}

const asText = (value: string) => value.trim();
const asProfileText = (value: string) => value.trim().replace(/\r\n?/g, '\n');
const emptyBody = { type: 'doc', content: [] };

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  drafts = await import('@/lib/data/article-drafts');
  notes = await import('@/lib/data/article-notes');
  profiles = await import('@/lib/data/profiles');
  const auth = await import('@/lib/data/auth');
  const viewer = async (role: 'EDITOR' | 'FELLOW', authorId: string | null) => {
    const user = await prisma.user.create({ data: { email: `hostile-${role.toLowerCase()}@example.test`, name: `Hostile ${role}`, role, authorId } });
    return (await auth.getSessionViewer(user.id, user.sessionVersion))!;
  };
  const author = await prisma.author.create({ data: { slug: 'hostile-fellow', name: 'Hostile Fellow', sortName: 'Fellow, Hostile' } });
  fellowAuthorId = author.id;
  editor = await viewer('EDITOR', null);
  fellow = await viewer('FELLOW', author.id);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('the article editor', () => {
  it(`stores or clearly refuses each of ${strings.length} hostile strings in each of ${ARTICLE_FIELDS.length} fields, and in notes`, async () => {
    const created = await drafts.createArticle(editor, { body: emptyBody });
    if (!created.ok) throw new Error(created.message);
    let version = created.version;
    let stored = 0;
    let refused = 0;
    const notesAdded: string[] = [];
    for (const value of strings) {
      const everywhere: ArticleDraftInput = { ...Object.fromEntries(ARTICLE_FIELDS.map((field) => [field, value])), body: emptyBody };
      const checked = articleDraftSchema.safeParse(everywhere);
      const refusedFields = new Set<string>();
      for (const issue of checked.success ? [] : checked.error.issues) {
        refusedFields.add(String(issue.path[0]));
        expectClearMessage(String(issue.path[0]), value, issue.message);
      }
      const accepted = Object.fromEntries(ARTICLE_FIELDS.filter((field) => !refusedFields.has(field)).map((field) => [field, value]));
      const result = await drafts.saveArticleDraft(editor, created.id, version, { ...accepted, body: emptyBody }, 'save');
      if (!result.ok) {
        // Only the database can refuse what validation let through: a slug another article holds.
        expect(result, JSON.stringify(value)).toMatchObject({ reason: 'invalid', errors: { slug: [expect.stringMatching(/already uses this slug/)] } });
        refused += 1;
        continue;
      }
      version = result.version;
      const saved = (await drafts.getEditorArticle(editor, created.id))!.draft;
      const expected = articleDraftSchema.parse({ ...accepted, body: emptyBody });
      for (const field of ARTICLE_TEXT_FIELDS) {
        if (refusedFields.has(field)) continue;
        expect(saved[field], `${field} = ${JSON.stringify(value)}`).toBe(asText(value));
      }
      for (const field of ARTICLE_CHECKED_FIELDS.filter((name) => name !== 'slug' && !refusedFields.has(name))) {
        expect(saved[field], `${field} = ${JSON.stringify(value)}`).toBe(expected[field]);
      }
      if (!refusedFields.has('slug') && asText(value) !== '') expect(saved.slug).toBe(asText(value));
      stored += ARTICLE_FIELDS.length - refusedFields.size;
      refused += refusedFields.size;

      const note = await notes.addArticleNote(editor, created.id, value);
      if (note.ok) notesAdded.push(asText(value));
      else expectClearMessage('note', value, note.message);
    }
    expect((await notes.listArticleNotes(editor, created.id))!.map((entry) => entry.text).sort()).toEqual(notesAdded.sort());
    console.log(`article fields: ${stored} values stored, ${refused} refused with a message; ${notesAdded.length} notes stored`);
    expect(stored).toBeGreaterThan(strings.length * ARTICLE_TEXT_FIELDS.length * 0.9);
  }, 180_000);
});

describe('the profile form', () => {
  it(`stores or clearly refuses each of ${strings.length} hostile strings in each of ${PROFILE_FIELDS.length} fields`, async () => {
    let stored = 0;
    let refused = 0;
    for (const value of strings) {
      const everywhere: ProfileFormInput = { name: value, ...Object.fromEntries(PROFILE_FIELDS.map((field) => [field, value])) };
      const checked = profileFormSchema.safeParse(everywhere);
      const refusedFields = new Set<string>();
      for (const issue of checked.success ? [] : checked.error.issues) {
        refusedFields.add(String(issue.path[0]));
        expectClearMessage(String(issue.path[0]), value, issue.message);
      }
      // The name is required: where the string cannot be a name, the rest are saved under a plain one.
      const accepted = { name: 'Hostile Fellow', ...Object.fromEntries(PROFILE_FIELDS.filter((field) => !refusedFields.has(field)).map((field) => [field, value])) };
      const form = profileFormSchema.safeParse(accepted);
      if (!form.success) throw new Error(`${JSON.stringify(value)}: ${form.error.message}`);
      const result = await profiles.saveProfile(fellow, fellowAuthorId, form.data, null);
      if (!result.ok) {
        // A proposed term needs letters or digits to become a topic; the refusal says so.
        expect(Object.keys(result.errors ?? {}), JSON.stringify(value)).toEqual(['proposedTopicName']);
        expectClearMessage('proposedTopicName', value, result.errors?.proposedTopicName?.[0]);
        refused += 1;
        continue;
      }
      const saved = (await profiles.getProfileEditor(fellow, fellowAuthorId))!.profile;
      for (const field of PROFILE_TEXT_FIELDS) {
        if (refusedFields.has(field)) continue;
        expect(saved[field], `${field} = ${JSON.stringify(value)}`).toBe(asProfileText(value));
      }
      for (const field of PROFILE_CHECKED_FIELDS) {
        if (refusedFields.has(field)) continue;
        expect(saved[field], `${field} = ${JSON.stringify(value)}`).toEqual(form.data[field]);
      }
      stored += PROFILE_FIELDS.length - refusedFields.size;
      refused += refusedFields.size;
    }
    console.log(`profile fields: ${stored} values stored, ${refused} refused with a message`);
    expect(stored).toBeGreaterThan(strings.length * PROFILE_TEXT_FIELDS.length * 0.9);
  }, 180_000);
});
