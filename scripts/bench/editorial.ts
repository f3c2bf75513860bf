// The newsroom's two latency figures, measured in real Chromium as an editor works:
//  - autosave round trip: from the save request leaving the browser to its response, per autosave;
//  - publish to visible: from the click on "Publish" to the moment an anonymous reader's home page lists it.
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';

export type EditorialResult = {
  autosaveMs: number[];
  publishToVisibleMs: number[];
};

export const AUTOSAVE_SAMPLES = 30;
export const PUBLISH_SAMPLES = 5;
const DEMO_EDITOR = { email: 'editor@dispatch.test', password: 'demo-editor-password' };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function waitForHydration(page: Page, label: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.waitFor({ timeout: 30_000 });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await field.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps')))) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${label} never hydrated`);
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await waitForHydration(page, 'Email');
  await page.getByLabel('Email', { exact: true }).fill(DEMO_EDITOR.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_EDITOR.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/editor$/, { timeout: 30_000 });
}

/**
 * Times the next server-action POST, from the request leaving the browser to its response arriving. (Chromium
 * reports no "request finished" for these streamed responses, so the response's first byte is the end point;
 * the action's result is in that first chunk.)
 */
function actionTimer(page: Page): { next: () => Promise<number> } {
  return {
    next: async () => {
      const response = await page.waitForEvent('response', { predicate: (candidate) => candidate.request().method() === 'POST' && Boolean(candidate.request().headers()['next-action']), timeout: 30_000 });
      return response.request().timing().responseStart;
    },
  };
}

async function newDraft(page: Page, baseUrl: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/editor/articles/new`);
  await waitForHydration(page, 'Title');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill(`Lead of ${title}.`);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(`Body of ${title}.`);
  await page.getByLabel('Authors', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('status', { name: 'Save status' }).filter({ hasText: /^Saved at/ }).waitFor({ timeout: 30_000 });
  await page.waitForURL(/\/editor\/articles\/[a-z0-9]+$/, { timeout: 30_000 });
}

async function homeLists(baseUrl: string, title: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/`, { cache: 'no-store' });
  return (await response.text()).includes(title);
}

/** Drives the editor in Chromium against `baseUrl`, which must hold the demo accounts. */
export async function measureEditorial(baseUrl: string, log: (line: string) => void): Promise<EditorialResult> {
  const browser = await chromium.launch({
    ...(fs.existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl);

    log(`Autosave: ${AUTOSAVE_SAMPLES} saves of a draft…`);
    await newDraft(page, baseUrl, `Bench autosave ${Date.now()}`);
    const autosaveMs: number[] = [];
    const timer = actionTimer(page);
    for (let sample = 0; sample < AUTOSAVE_SAMPLES; sample++) {
      const finished = timer.next();
      await page.getByRole('textbox', { name: 'Body' }).press('End');
      await page.keyboard.type(` ${sample}`);
      autosaveMs.push(await finished);
      await page.getByRole('status', { name: 'Save status' }).filter({ hasText: /^Saved at/ }).waitFor({ timeout: 30_000 });
    }

    log(`Publish to visible: ${PUBLISH_SAMPLES} articles…`);
    const publishToVisibleMs: number[] = [];
    for (let sample = 0; sample < PUBLISH_SAMPLES; sample++) {
      const title = `Bench publish ${Date.now()} ${sample}`;
      await newDraft(page, baseUrl, title);
      const started = performance.now();
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      while (!(await homeLists(baseUrl, title))) {
        if (performance.now() - started > 30_000) throw new Error(`"${title}" did not appear on the home page within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      publishToVisibleMs.push(performance.now() - started);
      await page.getByText('Published.', { exact: true }).waitFor({ timeout: 30_000 });
    }
    return { autosaveMs, publishToVisibleMs };
  } finally {
    await browser.close();
  }
}
