import crypto from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { containsMarkup, formSubset, naughtyStrings, wfuzzXssStrings } from '../support/hostile-inputs';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { createTestUser, e2eDatabaseForThisFile } from './support/database';
import { failOnDialogs, injectedElements, REACT_FORM_PLACEHOLDER } from './support/injection';

// Hostile strings typed through the real profile form at /profile, as a fellow of this test alone (created like
// profile.spec.ts does, so no other spec sees its profile change): wfuzz's XSS list and a set of odd strings
// (right-to-left, emoji, zero-width, combining marks, quotes, SQL, the longest) in every text field. What a field
// cannot take is refused with a message next to it and everything typed stays; what it can take comes back exactly
// (trimmed, as the form always does) after a reload, and the public author page shows it as text: no dialog, no
// injected element, no markup in the HTML.

test.describe.configure({ timeout: 120_000 });

const db = e2eDatabaseForThisFile();
const tag = crypto.randomBytes(4).toString('hex');

const field = (page: Page, label: string) => page.getByRole('main').getByLabel(label, { exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save profile', exact: true });
const formError = (page: Page) => page.getByRole('alert').filter({ hasText: 'Please correct the fields below.' });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------------
// The strings, dealt out over the fields within their limits (lib/validation/profile.ts)

const xss = wfuzzXssStrings();
const odd = formSubset();
const LIMITS: Record<string, number> = { Position: 200, Location: 200, 'Field of expertise': 500, 'Work experience': 4000, 'Photo alt text': 300 };

function dealStrings(): { texts: Record<string, string>; biography: string[] } {
  const pool = [...new Set([...xss, ...odd])].filter((value) => value.trim() !== '');
  const parts: Record<string, string[]> = Object.fromEntries(Object.keys(LIMITS).map((label) => [label, []]));
  const biography: string[] = [];
  const labels = [...Object.keys(LIMITS), 'Biography'];
  for (const [index, value] of pool.entries()) {
    const label = labels[index % labels.length]!;
    const joined = [...(parts[label] ?? []), value].join(' ');
    if (label !== 'Biography' && joined.length <= LIMITS[label]!) parts[label]!.push(value);
    else biography.push(value.replace(/\s*\n\s*/g, ' '));
  }
  return { texts: Object.fromEntries(Object.entries(parts).map(([label, values]) => [label, values.join(' ')])), biography };
}

const { texts, biography } = dealStrings();
const NAME = `Hostile ${tag} ${xss[1]}`;
const LANGUAGES = [...xss, ...odd].filter((value) => value.trim() && !value.includes(',') && value.length <= 60).slice(0, 8);
const WEBSITE = `https://example.org/${tag}?q="><script>alert('website')</script>`;
const LINKEDIN = `https://www.linkedin.com/in/${tag}?"><svg/onload=alert('linkedin')>`;
const ORCID = '0000-0002-1825-0097';
const X_HANDLE = `x_${tag}`;
const EMAIL = `o'reilly+${tag}@example.org`;
const PROPOSED_TERM = `<script>alert("${tag}")</script>`;

/** The values the form accepts: every text field hostile, the checked ones as hostile as their format allows. */
const ACCEPTED: Record<string, string> = {
  Name: NAME,
  ...texts,
  Biography: biography.join('\n\n'),
  Languages: LANGUAGES.join(', '),
  Website: WEBSITE,
  ORCID,
  X: X_HANDLE,
  LinkedIn: LINKEDIN,
  Email: EMAIL,
};

const longest = [...naughtyStrings()].sort((a, b) => b.length - a.length);
/** What the form refuses, each with the message shown next to its field. */
const REFUSED: Record<string, { value: string; message: string }> = {
  Name: { value: longest.find((value) => !containsMarkup(value))!, message: 'Name must be at most 120 characters.' },
  Position: { value: longest.find((value) => containsMarkup(value))!, message: 'Position is too long (at most 200 characters).' },
  Languages: { value: xss.find((value) => value.length > 60 && !value.includes(','))!, message: 'Each language is at most 60 characters.' },
  Website: { value: 'javascript:alert(document.cookie)', message: 'Website must be a web address starting with http:// or https://.' },
  ORCID: { value: xss[1]!, message: 'ORCID must look like 0000-0002-1825-0097.' },
  X: { value: xss[4]!, message: 'X must be a handle like @dispatch (letters, digits and _, at most 15).' },
  LinkedIn: { value: 'https://evil.example/"><script>alert(1)</script>', message: 'LinkedIn must be an address on linkedin.com.' },
  Email: { value: '"><svg/onload=alert(1)>@example.org', message: 'Enter a valid email address.' },
};

/** Fills the fields, returning what each holds afterwards (an input drops line breaks as it takes them). */
async function fillFields(page: Page, values: Record<string, string>): Promise<Record<string, string>> {
  const typed: Record<string, string> = {};
  for (const [label, value] of Object.entries(values)) {
    await field(page, label).fill(value);
    typed[label] = await field(page, label).inputValue();
  }
  return typed;
}

async function openProfileForm(page: Page): Promise<void> {
  await page.goto('/profile');
  await hydrated(saveButton(page));
}

async function expectKept(page: Page, typed: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(typed)) await expect(field(page, label), `${label} keeps what was typed`).toHaveValue(value);
}

async function expectFieldError(target: Locator, message: string): Promise<void> {
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
}

async function approvalRequired(): Promise<boolean> {
  const { rowCount } = await db().query(`SELECT 1 FROM "Setting" WHERE "key" = 'profiles.requireApproval' AND ("value"->>'enabled')::boolean`);
  return (rowCount ?? 0) > 0;
}

test('hostile strings in every profile field are refused next to the field or saved exactly, and the public page shows them as text', async ({ page, request }) => {
  const dialogs = failOnDialogs(page);
  const user = await createTestUser(db(), 'FELLOW', 'hostile', 'profile');
  const author = { id: `e2eauthor${tag}`, slug: `e2e-hostile-fellow-${tag}` };
  await db().query(`INSERT INTO "Author" ("id", "slug", "name", "sortName", "position", "updatedAt") VALUES ($1, $2, $3, $3, 'Fellow', now())`, [author.id, author.slug, `Hostile Fellow ${tag}`]);
  await db().query(`UPDATE "User" SET "authorId" = $1 WHERE "id" = $2`, [author.id, user.id]);
  try {
    await signIn(page, user.email, user.password, /\/profile$/);

    // 1. What the schema refuses: a message next to each field, and every field keeps what was typed.
    await openProfileForm(page);
    const refusedTyped = await fillFields(page, {
      ...ACCEPTED,
      ...Object.fromEntries(Object.entries(REFUSED).map(([label, { value }]) => [label, value])),
      'Propose a new term': PROPOSED_TERM,
    });
    await saveButton(page).click();
    await expect(formError(page)).toBeVisible(NAVIGATION);
    for (const [label, { message }] of Object.entries(REFUSED)) await expectFieldError(field(page, label), message);
    for (const label of ['Location', 'Field of expertise', 'Work experience', 'Biography', 'Propose a new term']) {
      await expect(field(page, label), label).not.toHaveAttribute('aria-invalid', 'true');
    }
    await expectKept(page, refusedTyped);

    // 2. What only the data layer refuses: a proposed term without letters or digits.
    await openProfileForm(page);
    const punctuationTerm = `'"><`;
    const termTyped = await fillFields(page, { ...ACCEPTED, 'Propose a new term': punctuationTerm });
    await saveButton(page).click();
    await expect(formError(page)).toBeVisible(NAVIGATION);
    await expectFieldError(field(page, 'Propose a new term'), 'The proposed term needs letters or digits.');
    await expectKept(page, termTyped);

    // 3. Everything acceptable, with a photo whose alt text is hostile too. A save made while profile.spec.ts has
    // approvals switched on (a site-wide setting, for a few seconds) waits for review: it is made again after.
    let typed: Record<string, string> = {};
    for (let attempt = 1; ; attempt += 1) {
      await expect.poll(approvalRequired, { timeout: 60_000, message: 'approvals are switched off again' }).toBe(false);
      await openProfileForm(page);
      typed = await fillFields(page, { ...ACCEPTED, 'Propose a new term': PROPOSED_TERM });
      await page.getByLabel('Show email publicly', { exact: true }).check();
      const photo = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#2a6f4e' } }).png().toBuffer();
      await page.getByLabel('Choose a photo').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: photo });
      await page.getByRole('button', { name: 'Use this crop', exact: true }).click();
      await expect(page.getByText('Photo cropped and uploaded. Save the profile to use it.')).toBeVisible(NAVIGATION);
      await saveButton(page).click();
      const saved = page.getByRole('status').filter({ hasText: /^Saved/ });
      await expect(saved).toBeVisible(NAVIGATION);
      if ((await saved.textContent()) === 'Saved. The public profile shows the change.') break;
      expect(attempt, 'the profile is saved for review every time').toBeLessThan(3);
    }

    await page.reload();
    await hydrated(saveButton(page));
    const expected: Record<string, string> = Object.fromEntries(Object.entries(typed).map(([label, value]) => [label, value.trim()]));
    expected.Languages = LANGUAGES.map((language) => language.trim()).join(', ');
    expected.Email = EMAIL.toLowerCase();
    expected['Propose a new term'] = '';
    for (const [label, value] of Object.entries(expected)) await expect(field(page, label), `${label} after a reload`).toHaveValue(value);
    await expect(page.getByRole('group', { name: 'Themes' }).getByRole('checkbox', { name: PROPOSED_TERM })).toBeChecked();

    // The public page: every value as text, links with the exact addresses, no script anywhere.
    const main = page.getByRole('main');
    await expect(async () => {
      await page.goto(`/authors/${author.slug}`);
      await expect(main.getByRole('heading', { level: 1 })).toHaveText(expected.Name!);
    }).toPass({ timeout: 15_000 });
    for (const label of ['Position', 'Location', 'Field of expertise', 'Work experience', 'Languages']) {
      await expect(main.getByText(expected[label]!, { exact: true }), label).toBeVisible();
    }
    const biographySection = page.getByRole('region', { name: 'Biography' });
    for (const paragraph of expected.Biography!.split(/\n{2,}/)) await expect(biographySection, paragraph).toContainText(paragraph.trim());
    await expect(main.getByRole('img', { name: expected['Photo alt text']!.replace(/\s+/g, ' '), exact: true })).toBeVisible();
    const links = main.getByRole('list', { name: 'Links' });
    await expect(links.getByRole('link', { name: 'Website', exact: true })).toHaveAttribute('href', WEBSITE);
    await expect(links.getByRole('link', { name: 'LinkedIn', exact: true })).toHaveAttribute('href', LINKEDIN);
    await expect(links.getByRole('link', { name: 'X', exact: true })).toHaveAttribute('href', `https://x.com/${X_HANDLE}`);
    await expect(links.getByRole('link', { name: 'Email', exact: true })).toHaveAttribute('href', `mailto:${EMAIL.toLowerCase()}`);
    expect(await injectedElements(page, ['svg'])).toEqual([]);

    const html = (await (await request.get(`/authors/${author.slug}`)).text()).replaceAll(REACT_FORM_PLACEHOLDER, '');
    const shown = [...new Set([...xss, ...odd]), NAME, WEBSITE, LINKEDIN, PROPOSED_TERM];
    const reflected = shown.filter((value) => containsMarkup(value) && html.includes(value));
    expect(reflected).toEqual([]);

    // The fellow's own history compares the versions field by field: the strings are text there too.
    await page.goto('/profile/history');
    await expect(page.getByRole('heading', { level: 1, name: 'Profile history' })).toBeVisible(NAVIGATION);
    await expect(page.getByRole('main')).toContainText(WEBSITE);
    expect(await injectedElements(page, ['svg'])).toEqual([]);
    expect(dialogs).toEqual([]);
    console.log(`hostile profile: ${Object.keys(ACCEPTED).length + 1} text fields, ${new Set([...xss, ...odd]).size} strings typed, ${Object.keys(REFUSED).length + 1} refusals with a message`);
  } finally {
    // The test's own data: its proposed term goes, and its profile leaves the expert directory other specs read.
    await db().query(`DELETE FROM "Topic" WHERE "name" = $1 AND "status" = 'PROPOSED'`, [PROPOSED_TERM]);
    await db().query(`UPDATE "Author" SET "retired" = true WHERE "id" = $1`, [author.id]);
  }
});
