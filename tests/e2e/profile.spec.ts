import crypto from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demoAccounts } from '../../prisma/demo/content';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { createTestUser, e2eDatabaseForThisFile, strongPassword } from './support/database';

// Fellows edit their own profiles at /profile; editors manage the roster at /editor/authors. Every test works on
// profiles it creates (never the demo authors other specs read), and the file runs serially because the
// approval setting is site-wide.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const db = e2eDatabaseForThisFile();
const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;

type Fellow = { email: string; password: string; name: string; slug: string; authorId: string };

/** A FELLOW account of this test alone, owning a fresh author profile. */
async function createFellow(label: string): Promise<Fellow> {
  const user = await createTestUser(db(), 'FELLOW', 'profile', label);
  const tag = crypto.randomBytes(5).toString('hex');
  const author = { id: `e2eauthor${tag}`, slug: `e2e-fellow-${label}-${tag}`, name: `Fellow ${label} ${tag}` };
  await db().query(
    `INSERT INTO "Author" ("id", "slug", "name", "sortName", "position", "updatedAt") VALUES ($1, $2, $3, $3, 'Fellow', now())`,
    [author.id, author.slug, author.name],
  );
  await db().query(`UPDATE "User" SET "authorId" = $1 WHERE "id" = $2`, [author.id, user.id]);
  return { email: user.email, password: user.password, name: author.name, slug: author.slug, authorId: author.id };
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The public profile, reloaded until it shows what is expected (the shared cache holds pages for a second). */
async function expectPublicProfile(page: Page, slug: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(`/authors/${slug}`);
    await check();
  }).toPass({ timeout: 15_000 });
}

const field = (page: Page, label: string) => page.getByRole('main').getByLabel(label, { exact: true });
const status = (page: Page) => page.getByRole('main').getByRole('status').first();

async function saveProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save profile', exact: true }).click();
}

test('a fellow lands on /profile, edits every field including a cropped photo, and the public page changes; a restore brings the old profile back', async ({ page }) => {
  const fellow = await createFellow('edit');
  const topic = (await db().query<{ id: string; name: string; slug: string }>(`SELECT "id", "name", "slug" FROM "Topic" WHERE "status" = 'APPROVED' ORDER BY "name" LIMIT 1`)).rows[0]!;

  await signIn(page, fellow.email, fellow.password);
  await expect(page).toHaveURL(/\/profile$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await hydrated(page.getByRole('button', { name: 'Save profile', exact: true }));

  // A validation error names the field and keeps everything typed.
  await field(page, 'Name').fill('');
  await field(page, 'Position').fill('Typed before the error');
  await field(page, 'Website').fill('not a web address');
  await saveProfile(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the fields below.' })).toBeVisible(NAVIGATION);
  await expect(page.getByText('Name is required.')).toBeVisible();
  await expect(page.getByText('Website must be a web address starting with http:// or https://.')).toBeVisible();
  await expect(field(page, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Position')).toHaveValue('Typed before the error');

  const name = `Renamed Fellow ${crypto.randomBytes(3).toString('hex')}`;
  await field(page, 'Name').fill(name);
  await field(page, 'Position').fill('Senior Fellow');
  await field(page, 'Location').fill('Almaty, Kazakhstan');
  await field(page, 'Languages').fill('English, Kazakh');
  await page.getByRole('group', { name: 'Competence' }).getByLabel(topic.name, { exact: true }).check();
  await field(page, 'Field of expertise').fill('Energy transition in Central Asia');
  await field(page, 'Work experience').fill('Ten years at a regional energy regulator.');
  await field(page, 'Biography').fill('First paragraph of the biography.\n\nSecond paragraph.');
  await field(page, 'Website').fill('https://fellow.example.org');
  await field(page, 'ORCID').fill('0000-0002-1825-0097');
  await field(page, 'X').fill('@fellow_x');
  await field(page, 'LinkedIn').fill('https://www.linkedin.com/in/fellow');
  await field(page, 'Email').fill('fellow.public@example.org');
  await page.getByLabel('Show email publicly', { exact: true }).check();

  // The photo: a wide image, framed as a square with the sliders, then uploaded.
  const wide = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366aa' } }).png().toBuffer();
  await field(page, 'Photo alt text').fill('Portrait of the fellow');
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: wide });
  await expect(page.getByRole('img', { name: 'Crop preview' })).toBeVisible();
  await page.getByLabel('Zoom', { exact: true }).fill('1.5');
  await page.getByLabel('Horizontal position', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Use this crop', exact: true }).click();
  await expect(page.getByText('Photo cropped and uploaded. Save the profile to use it.')).toBeVisible(NAVIGATION);

  await saveProfile(page);
  await expect(status(page)).toHaveText('Saved. The public profile shows the change.', NAVIGATION);
  const photo = (await db().query<{ width: number; height: number }>(`SELECT m."width", m."height" FROM "Author" a JOIN "Media" m ON m."id" = a."photoId" WHERE a."id" = $1`, [fellow.authorId])).rows[0];
  expect(photo, 'the saved photo').toBeDefined();
  expect(photo!.width).toBe(photo!.height);

  await expectPublicProfile(page, fellow.slug, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });
  const main = page.getByRole('main');
  await expect(main.getByText('Senior Fellow', { exact: true })).toBeVisible();
  await expect(main.getByText('Almaty, Kazakhstan', { exact: true })).toBeVisible();
  await expect(main.getByText('English, Kazakh', { exact: true })).toBeVisible();
  await expect(main.getByText('Energy transition in Central Asia', { exact: true })).toBeVisible();
  await expect(main.getByText('Ten years at a regional energy regulator.', { exact: true })).toBeVisible();
  await expect(main.getByText('Second paragraph.', { exact: true })).toBeVisible();
  await expect(main.getByRole('link', { name: topic.name, exact: true })).toHaveAttribute('href', `/topics/${topic.slug}`);
  await expect(main.getByRole('img', { name: 'Portrait of the fellow' })).toBeVisible();
  const links = main.getByRole('list', { name: 'Links' });
  for (const [label, href] of [
    ['Website', 'https://fellow.example.org'],
    ['ORCID', 'https://orcid.org/0000-0002-1825-0097'],
    ['X', 'https://x.com/fellow_x'],
    ['LinkedIn', 'https://www.linkedin.com/in/fellow'],
    ['Email', 'mailto:fellow.public@example.org'],
  ]) {
    await expect(links.getByRole('link', { name: label!, exact: true })).toHaveAttribute('href', href!);
  }

  // The history holds the profile as it was before the first save; restoring it brings the old name back.
  await page.goto('/profile/history');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile history' })).toBeVisible();
  const restore = await hydrated(page.getByRole('button', { name: 'Restore version 1', exact: true }));
  await restore.click();
  // The restored version is now the current profile, and the restore itself is the newest version.
  await expect(page.getByRole('listitem').filter({ hasText: 'Version 1 ·' })).toContainText('The same as the current profile.', NAVIGATION);
  await expect(page.getByRole('heading', { level: 2, name: /^Version 3 · / })).toBeVisible();
  await expectPublicProfile(page, fellow.slug, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fellow.name);
  });
});

test('a fellow is refused other profiles\' editors and every editor screen', async ({ page }) => {
  const fellow = await createFellow('refused');
  const other = await createFellow('other');
  await signIn(page, fellow.email, fellow.password);
  for (const path of [`/editor/authors/${other.authorId}`, `/editor/authors/${fellow.authorId}`, '/editor/authors', '/editor/authors/review', `/editor/authors/${other.authorId}/history`, '/editor/users']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByText(other.name)).toHaveCount(0);
  }
});

test('an editor creates a guest author and invites a fellow to claim it; the fellow accepts, lands on /profile and edits it', async ({ page, browser }) => {
  await signIn(page, editor.email, editor.password);
  await page.goto('/editor/authors');
  await expect(page.getByRole('heading', { level: 1, name: 'Authors' })).toBeVisible();
  const guestName = `Guest Contributor ${crypto.randomBytes(3).toString('hex')}`;
  const create = page.getByRole('region', { name: 'Create a guest author' });
  await hydrated(create.getByRole('button', { name: 'Create guest author', exact: true }));
  await create.getByLabel('Name', { exact: true }).fill(guestName);
  await create.getByLabel('Position', { exact: true }).fill('Guest contributor');
  await create.getByRole('button', { name: 'Create guest author', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: guestName })).toBeVisible(NAVIGATION);
  await expect(page.getByText('Guest author (no account)')).toBeVisible();

  // The roster finds it by name.
  await page.goto(`/editor/authors?q=${encodeURIComponent(guestName)}`);
  await expect(page.getByRole('table').getByRole('link', { name: guestName, exact: true })).toBeVisible();
  await page.getByRole('table').getByRole('link', { name: guestName, exact: true }).click();

  const invite = page.getByRole('region', { name: 'Invite a fellow to claim this profile' });
  await hydrated(invite.getByRole('button', { name: 'Create invitation link', exact: true }));
  const email = `e2e-profile-claim-${crypto.randomBytes(4).toString('hex')}@example.test`;
  await invite.getByLabel('Fellow’s email', { exact: true }).fill(email);
  await invite.getByRole('button', { name: 'Create invitation link', exact: true }).click();
  await expect(invite.getByRole('status')).toContainText(`Invitation created for ${email}`, NAVIGATION);
  const link = new URL(await invite.getByLabel('Invitation link', { exact: true }).inputValue());

  const fellowPage = await newPage(browser);
  try {
    await fellowPage.goto(link.pathname);
    const password = strongPassword();
    const accept = await hydrated(fellowPage.getByRole('button', { name: 'Accept invitation', exact: true }));
    await fellowPage.getByLabel('Password', { exact: true }).fill(password);
    await fellowPage.getByLabel('Confirm password', { exact: true }).fill(password);
    await accept.click();
    await expect(fellowPage).toHaveURL(/\/login/, NAVIGATION);
    await fellowPage.goto('/login');
    await signIn(fellowPage, email, password, /\/profile$/);
    await hydrated(fellowPage.getByRole('button', { name: 'Save profile', exact: true }));
    await expect(field(fellowPage, 'Name')).toHaveValue(guestName);
    await field(fellowPage, 'Field of expertise').fill('Claimed and edited by the fellow');
    await saveProfile(fellowPage);
    await expect(status(fellowPage)).toHaveText('Saved. The public profile shows the change.', NAVIGATION);
    const slug = (await db().query<{ slug: string }>(`SELECT "slug" FROM "Author" WHERE "name" = $1`, [guestName])).rows[0]!.slug;
    await expectPublicProfile(fellowPage, slug, async () => {
      await expect(fellowPage.getByText('Claimed and edited by the fellow', { exact: true })).toBeVisible();
    });
  } finally {
    await fellowPage.context().close();
  }
});

test('with approval on, a fellow\'s change appears publicly only after an editor approves it', async ({ page, browser }) => {
  const fellow = await createFellow('approval');
  const adminPage = await newPage(browser);
  const fellowPage = await newPage(browser);
  const setApproval = async (on: boolean) => {
    await adminPage.goto('/editor/authors/review');
    const setting = adminPage.getByRole('region', { name: 'Approval' });
    await hydrated(setting.getByRole('button', { name: 'Save setting', exact: true }));
    await setting.getByLabel('Fellow profile changes need approval').setChecked(on);
    await setting.getByRole('button', { name: 'Save setting', exact: true }).click();
    await expect(setting.getByRole('status')).toContainText(on ? 'now need approval' : 'now appear at once', NAVIGATION);
  };
  try {
    await signIn(adminPage, admin.email, admin.password);
    await setApproval(true);

    await signIn(fellowPage, fellow.email, fellow.password, /\/profile$/);
    await hydrated(fellowPage.getByRole('button', { name: 'Save profile', exact: true }));
    await expect(fellowPage.getByText('An editor approves changes to this profile before they appear publicly.')).toBeVisible();
    await field(fellowPage, 'Position').fill('Awaiting approval position');
    await saveProfile(fellowPage);
    await expect(status(fellowPage)).toHaveText('Saved for review: an editor approves the change before it appears on the public profile.', NAVIGATION);

    await fellowPage.goto(`/authors/${fellow.slug}`);
    await expect(fellowPage.getByRole('heading', { level: 1 })).toHaveText(fellow.name);
    await expect(fellowPage.getByText('Awaiting approval position')).toHaveCount(0);

    await signIn(page, editor.email, editor.password);
    await page.goto('/editor/authors/review');
    const change = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: fellow.name, exact: true }) });
    await expect(change.getByRole('definition')).toContainText('Awaiting approval position');
    const approve = await hydrated(change.getByRole('button', { name: `Approve the change to ${fellow.name}`, exact: true }));
    await approve.click();
    // Once reviewed, the change leaves the list.
    await expect(change).toHaveCount(0, NAVIGATION);

    await expectPublicProfile(fellowPage, fellow.slug, async () => {
      await expect(fellowPage.getByText('Awaiting approval position', { exact: true })).toBeVisible();
    });
  } finally {
    await db().query(`DELETE FROM "Setting" WHERE "key" = 'profiles.requireApproval'`);
    await adminPage.context().close();
    await fellowPage.context().close();
  }
});
