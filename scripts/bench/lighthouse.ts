/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default throttling) on the home page, an article and an author
 * page of a production build, in Debian's Chromium; writes docs/PERFORMANCE-lighthouse.md. Target: performance,
 * accessibility, best practices and SEO all at least 0.95.
 *
 *   npm run bench:lighthouse                         a throwaway server with the demo content (like npm run bench)
 *   npm run bench:lighthouse -- --data-dir DIR       serve that DATA_DIR (the scale data set)
 */
import fs from 'node:fs';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { openDatabase, readLaunchConfig } from '../lib/launch-config';
import { pickPages } from './pages';
import { startServer } from './server';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 0.95;
const REPORT_FILE = 'docs/PERFORMANCE-lighthouse.md';
const PAGES = ['home', 'article', 'author'];

type Scores = Record<(typeof CATEGORIES)[number], number | null>;
type PageScores = { name: string; path: string; scores: Scores; lcpMs: number | null; tbtMs: number | null; cls: number | null };

const log = (line: string) => console.log(line);

function dataDirOption(argv: string[]): string | null {
  const index = argv.indexOf('--data-dir');
  if (index === -1) return null;
  const value = argv[index + 1];
  if (!value) throw new Error('--data-dir needs a folder.');
  return value;
}

async function audit(port: number, url: string): Promise<Omit<PageScores, 'name' | 'path'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, categories[category]?.score ?? null])) as Scores;
  return {
    scores,
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? null,
    tbtMs: audits['total-blocking-time']?.numericValue ?? null,
    cls: audits['cumulative-layout-shift']?.numericValue ?? null,
  };
}

function report(results: PageScores[], target: string): string {
  const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));
  const passes = results.every((result) => CATEGORIES.every((category) => (result.scores[category] ?? 0) >= TARGET));
  return [
    '# Lighthouse',
    '',
    'Written by `npm run bench:lighthouse` (scripts/bench/lighthouse.ts); every run overwrites this file.',
    '',
    `- **Date:** ${new Date().toISOString()}`,
    `- **Machine:** ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; load average after the run ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`,
    `- **Lighthouse** 12.2.3, mobile form factor with its default simulated throttling, Debian Chromium headless; ${target}`,
    '',
    `**All four categories at least ${TARGET} on every page: ${passes ? 'PASS' : 'FAIL'}**`,
    '',
    '| page | path | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((result) =>
      `| ${result.name} | ${result.path} | ${CATEGORIES.map((category) => score(result.scores[category])).join(' | ')} | ${result.lcpMs?.toFixed(0) ?? '–'} | ${result.tbtMs?.toFixed(0) ?? '–'} | ${result.cls?.toFixed(3) ?? '–'} |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const dataDir = dataDirOption(process.argv.slice(2));
  log('Starting a production server…');
  const server = await startServer(log, { dataDir });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const database = await openDatabase(readLaunchConfig({ ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: undefined }), log);
    const pages = (await pickPages(database.url)).filter((page) => PAGES.includes(page.name));
    const results: PageScores[] = [];
    for (const page of pages) {
      const scores = await audit(chrome.port, new URL(page.path, server.baseUrl).href);
      log(`${page.name.padEnd(8)} ${CATEGORIES.map((category) => `${category} ${scores.scores[category]?.toFixed(2) ?? '–'}`).join(', ')}`);
      results.push({ name: page.name, path: page.path, ...scores });
    }
    fs.writeFileSync(REPORT_FILE, report(results, dataDir ? `DATA_DIR=${dataDir}` : 'fresh DATA_DIR with the demo content'));
    log(`Wrote ${REPORT_FILE}`);
  } finally {
    await chrome.kill();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
