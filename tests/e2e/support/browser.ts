import { expect, type Locator, type Page } from '@playwright/test';

// What every spec does in the browser: wait for hydration before interacting, sign in through the form.

export const NAVIGATION = { timeout: 20_000 };

/** Waits until React has hydrated the element, so a click or typing goes through the app's own handler. */
export async function hydrated(element: Locator): Promise<Locator> {
  await expect(element).toBeVisible(NAVIGATION);
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), {
      message: 'the page is hydrated',
      ...NAVIGATION,
    })
    .toBe(true);
  return element;
}

export async function signIn(page: Page, email: string, password: string, expectedPath: RegExp = /\/(editor|profile)$/): Promise<void> {
  if (!/\/login(\?|$)/.test(page.url())) await page.goto('/login');
  await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(expectedPath, NAVIGATION);
}
