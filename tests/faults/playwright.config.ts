import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// `npm run test:faults` (scripts/test-faults.ts) makes sure the production build in TEST_BUILD_DIR is fresh and
// runs these specs; each spec starts, breaks and restarts the servers it needs itself (tests/faults/support).

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystemChromium = fs.existsSync(chromiumPath);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: '.',
  testMatch: /\.spec\.ts$/,
  // Flaky tests get fixed, not retried.
  retries: 0,
  // Every spec runs a whole app with its PostgreSQL; two at once is what two cores carry.
  workers: 2,
  // Each test starts `npm start` once or twice (PostgreSQL, migrations, demo content) and waits out retries.
  timeout: 240_000,
  forbidOnly: Boolean(process.env.CI),
  outputDir: process.env.FAULTS_OUTPUT_DIR ?? '../../test-results/faults',
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: useSystemChromium ? { executablePath: chromiumPath, args: chromiumArgs } : { args: chromiumArgs },
  },
});
