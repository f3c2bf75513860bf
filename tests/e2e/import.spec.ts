import crypto from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAccounts } from '../../prisma/demo/content';
import { hydrated, NAVIGATION, signIn } from './support/browser';

// An editor imports a legacy document at /editor/import, pasted or loaded from a file, and lands on the new
// draft in the article editor; a document that cannot be read is refused with the reason, its text kept.

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const fellow = demoAccounts.find((account) => account.role === 'FELLOW')!;

async function openImport(page: Page): Promise<Locator> {
  await signIn(page, editor.email, editor.password);
  await page.goto('/editor/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import a legacy document' })).toBeVisible();
  return hydrated(page.getByRole('button', { name: 'Import', exact: true }));
}

/** A legacy document in the export's shape; the tag keeps its title and author apart from other tests'. */
function legacyDocument(tag: string): { title: string; text: string } {
  const title = `THE ARCTIC LANES ${tag.toUpperCase()}`;
  const text = [
    '14.03.21',
    '',
    `## ${title}`,
    '',
    '**Melting ice is opening a northern route, and coastal states are racing to set its rules.**',
    '',
    '“We expect traffic to double within the decade,” a port official said.',
    '',
    'Why it matters: Shorter routes cut fuel costs.',
    '',
    '*Original publication* [northern-review.example](https://northern-review.example/arctic)',
    '',
    '*Source:* [The Arctic lanes](#)',
    '',
    '## AUTHOR',
    '',
    `**E2E Importer ${tag}**`,
    '',
    'Senior Fellow',
    '',
    '**Location:** Oslo, Norway',
    '',
    '**Competence:** Arctic',
    '',
    '**Field of expertise:** Polar shipping.',
    '',
    '**Work experience:** Ten years at a port authority.',
  ].join('\n');
  return { title, text };
}

const tag = () => crypto.randomBytes(4).toString('hex');

test('an editor pastes a legacy document, imports it and lands on the new draft in the editor', async ({ page }) => {
  const importButton = await openImport(page);
  const { title, text } = legacyDocument(tag());
  await page.getByLabel('Legacy document', { exact: true }).fill(text);
  await importButton.click();

  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/, NAVIGATION);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title, NAVIGATION);
});

test('a document without a title is refused with the reason, and the typed text stays', async ({ page }) => {
  const importButton = await openImport(page);
  const { text } = legacyDocument(tag());
  const untitled = text.replace(/^## THE ARCTIC.*$/m, '');
  const field = page.getByLabel('Legacy document', { exact: true });
  await field.fill(untitled);
  await importButton.click();

  await expect(page.getByRole('alert').filter({ hasText: 'The document has no title' })).toBeVisible(NAVIGATION);
  await expect(page).toHaveURL(/\/editor\/import$/);
  await expect(field).toHaveValue(untitled);
});

test('a document file is read into the text box, and a file that is not text is refused', async ({ page }) => {
  await openImport(page);
  const { title, text } = legacyDocument(tag());
  const fileInput = page.getByLabel('Document file', { exact: true });
  await hydrated(fileInput);
  await fileInput.setInputFiles({ name: 'legacy.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  const field = page.getByLabel('Legacy document', { exact: true });
  await expect(field).toHaveValue(text);

  await fileInput.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) });
  await expect(page.getByRole('alert').filter({ hasText: 'photo.txt: The document is not UTF-8 text.' })).toBeVisible();
  await expect(field).toHaveValue(text);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/, NAVIGATION);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title, NAVIGATION);
});

test('a fellow cannot open the import page', async ({ page }) => {
  await signIn(page, fellow.email, fellow.password);
  const response = await page.goto('/editor/import');
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Legacy document')).toHaveCount(0);
});
