import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// `npm test` (scripts/test.ts) builds the app, starts it on a free port against a throwaway database with the
// demo content and passes E2E_BASE_URL, E2E_DATABASE_URL and E2E_JSON_REPORT; there is no webServer block.
// To run only these tests: npm test -- --only e2e

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystemChromium = fs.existsSync(chromiumPath);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const isMainProcess = process.env.TEST_WORKER_INDEX === undefined;

if (isMainProcess && !useSystemChromium) {
  console.warn(
    `Chromium was not found at ${chromiumPath}; falling back to Playwright's own browser.\n` +
      '  Install Debian chromium (preferred):  sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary,\n' +
      "  or download Playwright's browser:      node_modules/.bin/playwright install chromium",
  );
}
if (isMainProcess && !process.env.E2E_BASE_URL) {
  console.warn('E2E_BASE_URL is not set: run the end-to-end tests with `npm test -- --only e2e`, which starts the app.');
}

const READING_SPECS = /(reader-journey|visibility)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  // Flaky tests get fixed, not retried.
  retries: 0,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // One folder per run, so two runs side by side (TEST_BUILD_DIR) never delete each other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/e2e-report.json' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Specs that compare pages with the demo content's exact lists read a server of their own whose database no
  // spec writes to (E2E_READING_BASE_URL); everything else shares the main one.
  projects: [
    {
      name: 'reading',
      testMatch: READING_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: process.env.E2E_READING_BASE_URL ?? process.env.E2E_BASE_URL,
        launchOptions: useSystemChromium ? { executablePath: chromiumPath, args: chromiumArgs } : { args: chromiumArgs },
      },
    },
    {
      name: 'chromium',
      testIgnore: READING_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: useSystemChromium ? { executablePath: chromiumPath, args: chromiumArgs } : { args: chromiumArgs },
      },
    },
  ],
});
