/**
 * `npm run load:writes`: readers and editors at once against a throwaway production server (fresh DATA_DIR
 * with the demo content, the benchmark's build folder), then the checks:
 *   - no 5xx answer to anyone, and no failed request;
 *   - no lost save: every save the server acknowledged is in the revision history afterwards;
 *   - every publish is in the public feed within one second of its acknowledgement (the article's own page is
 *     timed too and reported).
 *
 *   npm run load:writes                       60 s, 50 readers, 5 editors
 *   npm run load:writes -- --seconds 20 --readers 20 --editors 3
 *   npm run load:writes -- --busy-cores 2      the same with two processes spinning on the CPU (a slow hour)
 *
 * Prints the figures and exits 1 when a check fails (2 for bad options).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from 'autocannon';
import { demoArticles } from '../../prisma/demo/content';
import { BENCH_DIST_DIR, startServer } from '../bench/server';
import { openEmbeddedDatabase } from '../lib/embedded-database';
import { createScriptPrisma } from '../lib/prisma';
import { EditorConnection, newSaveKey, readActionIds, signInOverHttp, type ActionIds } from './editor-client';
import { verifyLedger, type LedgerEntry } from './save-ledger';

const PUBLISH_EVERY_TICKS = 4;
const VISIBLE_WITHIN_MS = 1000;
const VISIBILITY_GIVE_UP_MS = 15_000;
const EDITOR_PASSWORD = 'load test editor passphrase, long enough';

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Options = { seconds: number; readers: number; editors: number; busyCores: number };

class OptionsError extends Error {}

function readOptions(argv: string[]): Options {
  let values: Record<string, string | undefined>;
  try {
    const names = ['seconds', 'readers', 'editors', 'busy-cores'] as const;
    ({ values } = parseArgs({ args: argv, options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), strict: true }));
  } catch (error) {
    throw new OptionsError(error instanceof Error ? error.message : String(error));
  }
  const number = (value: string | undefined, fallback: number, name: string, least = 1) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < least) throw new OptionsError(`--${name} must be a whole number of at least ${least}.`);
    return parsed;
  };
  return {
    seconds: number(values.seconds, 60, 'seconds'),
    readers: number(values.readers, 50, 'readers'),
    editors: number(values.editors, 5, 'editors'),
    busyCores: number(values['busy-cores'], 0, 'busy-cores', 0),
  };
}

type Tally = { requests: number; errors: number; serverErrors: number; statuses: Record<string, number> };
const newTally = (): Tally => ({ requests: 0, errors: 0, serverErrors: 0, statuses: {} });

function count(tally: Tally, status: number | 'error') {
  tally.requests++;
  if (status === 'error') tally.errors++;
  else if (status >= 500) tally.serverErrors++;
  const key = String(status);
  tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
}

const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

type EditorPlan = { index: number; email: string; authorId: string; topicId: string };
type EditorOutcome = { saveMs: number[]; savesAcknowledged: number; savesRefused: string[]; publishes: number; publishToVisibleMs: number[]; publishToPageMs: number[]; invisible: string[] };

/** One editor: a new article, an autosave every second, a publish (then updates) every few seconds. */
async function runEditor(baseUrl: string, actions: ActionIds, plan: EditorPlan, deadline: number, ledger: LedgerEntry[], tally: Tally): Promise<EditorOutcome> {
  const outcome: EditorOutcome = { saveMs: [], savesAcknowledged: 0, savesRefused: [], publishes: 0, publishToVisibleMs: [], publishToPageMs: [], invisible: [] };
  const editor = new EditorConnection(baseUrl, await signInOverHttp(baseUrl, plan.email, EDITOR_PASSWORD), actions);
  const titleOf = (edition: number) => `Load test desk ${plan.index} edition ${edition}`;
  const draftOf = (edition: number, marker: string, slug: string) => ({
    title: titleOf(edition),
    slug,
    lead: `What desk ${plan.index} learned this hour.`,
    body: doc(`${marker}: the latest paragraph of this draft.`, 'Context the editor keeps while the reporting comes in. '.repeat(20)),
    authorIds: [plan.authorId],
    topicIds: [plan.topicId],
  });

  const created = await editor.call<{ ok: boolean; id: string; version: number; slug: string }>(actions.create, [draftOf(0, `desk-${plan.index}-save-0`, ''), newSaveKey()], '/editor/articles/new');
  count(tally, created.status);
  if (!created.result?.ok) throw new Error(`desk ${plan.index} could not create its article (HTTP ${created.status})`);
  const { id, slug } = created.result;
  let version = created.result.version;
  let edition = 0;
  let live = false;

  for (let tick = 1; Date.now() < deadline; tick++) {
    const tickStarted = Date.now();
    const publishing = tick % PUBLISH_EVERY_TICKS === 0;
    if (publishing) edition++;
    const marker = `desk-${plan.index}-save-${tick}`;
    const saved = await editor.call<{ ok: boolean; version?: number; message?: string }>(actions.save, [id, version, draftOf(edition, marker, slug), 'autosave', newSaveKey()], `/editor/articles/${id}`);
    count(tally, saved.status);
    outcome.saveMs.push(saved.ms);
    if (saved.result?.ok && saved.result.version) {
      version = saved.result.version;
      outcome.savesAcknowledged++;
      ledger.push({ type: 'save', articleId: id, version, marker, kind: 'autosave' });
    } else {
      outcome.savesRefused.push(`${marker}: HTTP ${saved.status} ${saved.result?.message ?? ''}`.trim());
    }

    if (publishing && saved.result?.ok) {
      const transition = live ? 'update' : 'publish';
      const published = await editor.call<{ ok: boolean; version?: number; message?: string }>(actions.transition, [{ articleId: id, transition, baseVersion: version, note: null }], `/editor/articles/${id}`);
      count(tally, published.status);
      if (published.result?.ok && published.result.version) {
        const acknowledgedAt = performance.now();
        version = published.result.version;
        live = true;
        outcome.publishes++;
        ledger.push({ type: 'publish', articleId: id, version });
        // Readers learn of a publish from the feed (as the check says); the article's own page is timed too.
        const [inFeed, onPage] = await Promise.all([
          waitUntilPublic(baseUrl, '/feed.xml', titleOf(edition), acknowledgedAt, tally),
          waitUntilPublic(baseUrl, `/articles/${slug}`, titleOf(edition), acknowledgedAt, tally),
        ]);
        if (inFeed === null) outcome.invisible.push(`${titleOf(edition)} never appeared in /feed.xml`);
        else outcome.publishToVisibleMs.push(inFeed);
        if (onPage === null) outcome.invisible.push(`${titleOf(edition)} never appeared at /articles/${slug}`);
        else outcome.publishToPageMs.push(onPage);
      } else {
        outcome.savesRefused.push(`${transition} of ${titleOf(edition)}: HTTP ${published.status} ${published.result?.message ?? ''}`.trim());
      }
    }
    await sleep(Math.max(0, 1000 - (Date.now() - tickStarted)));
  }
  return outcome;
}

/** Polls the article's public page as an anonymous reader until it shows `title`; ms after the acknowledgement. */
async function waitUntilPublic(baseUrl: string, pagePath: string, title: string, since: number, tally: Tally): Promise<number | null> {
  while (performance.now() - since < VISIBILITY_GIVE_UP_MS) {
    const response = await fetch(`${baseUrl}${pagePath}`).catch(() => null);
    count(tally, response?.status ?? 'error');
    if (response?.ok && (await response.text()).includes(title)) return performance.now() - since;
    await sleep(25);
  }
  return null;
}

type ReaderResult = { requests: number; errors: number; statuses: Record<string, number> };

/** One autocannon process per page (their own processes, so that the editors' clocks here are not held up). */
function runReaders(baseUrl: string, readers: number, seconds: number): Promise<ReaderResult> {
  const published = demoArticles.filter((article) => article.status === 'PUBLISHED');
  const pages = ['/', '/articles', `/articles/${published[0]!.slug}`, `/articles/${published[1]!.slug}`, '/authors', '/feed.xml'];
  const shares = pages.map((_, index) => Math.floor(readers / pages.length) + (index < readers % pages.length ? 1 : 0));
  const runs = pages.flatMap((page, index) => (shares[index]! > 0 ? [{ page, connections: shares[index]! }] : []));
  return Promise.all(
    runs.map(
      ({ page, connections }) =>
        new Promise<Result>((resolve, reject) => {
          const child = spawn(process.execPath, [path.resolve('node_modules/autocannon/autocannon.js'), '-c', String(connections), '-d', String(seconds), '-t', '10', '-j', `${baseUrl}${page}`], {
            stdio: ['ignore', 'pipe', 'ignore'],
          });
          let output = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as Result) : reject(new Error(`autocannon on ${page} exited with ${code}`))));
        }),
    ),
  ).then((results) => {
    const total: ReaderResult = { requests: 0, errors: 0, statuses: {} };
    for (const result of results) {
      total.requests += result.requests.total;
      total.errors += result.errors + result.timeouts;
      for (const [code, stat] of Object.entries(result.statusCodeStats)) total.statuses[code] = (total.statuses[code] ?? 0) + stat.count;
    }
    return total;
  });
}

function createEditorAccounts(dataDir: string, editors: number): string[] {
  const emails = Array.from({ length: editors }, (_, index) => `load-desk-${index + 1}@example.test`);
  // The CLI reaches the server's own embedded PostgreSQL through DATA_DIR.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  for (const email of emails) {
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/cli.ts', 'user', 'create', '--email', email, '--name', email, '--role', 'editor'], {
      env,
      input: `${EDITOR_PASSWORD}\n`,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`could not create ${email}: ${result.stderr}`);
  }
  return emails;
}

/** The server's error lines, and its whole log kept past the run (the temp folder is removed). */
function keepServerLog(tempDir: string): void {
  const serverLog = path.join(tempDir, 'server.log');
  if (!fs.existsSync(serverLog)) return;
  const kept = path.join(os.tmpdir(), `dispatch-load-writes-${Date.now()}.log`);
  fs.copyFileSync(serverLog, kept);
  const errors = fs.readFileSync(serverLog, 'utf8').split('\n').filter((line) => line.startsWith('{"level":"error"'));
  log(`The server logged ${errors.length} error line(s); its log is kept at ${kept}`);
  for (const line of errors.slice(0, 5)) log(`  ${line.slice(0, 600)}`);
}

/**
 * Processes that keep a core busy until stopped: this VM runs 1.5-3x slower in some hours, and the one-second
 * publish check is meant to hold then too (docs/RELIABILITY.md).
 */
function startBusyCores(count: number): () => void {
  const spinners = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => spinners.forEach((spinner) => spinner.kill('SIGKILL'));
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const busy = options.busyCores ? ` while ${options.busyCores} other process(es) keep a core busy each` : '';
  log(`Load with writes: ${options.readers} readers and ${options.editors} editors for ${options.seconds} s${busy}.`);
  const server = await startServer(log);
  const dataDir = path.join(server.tempDir, 'data');
  const database = await openEmbeddedDatabase(dataDir, log);
  const prisma = createScriptPrisma(database.url);
  try {
    log('Creating the editors’ accounts…');
    const emails = createEditorAccounts(dataDir, options.editors);
    const authors = await prisma.author.findMany({ orderBy: { slug: 'asc' }, select: { id: true } });
    const topics = await prisma.topic.findMany({ orderBy: { slug: 'asc' }, select: { id: true } });
    const actions = readActionIds(BENCH_DIST_DIR);

    log(`Running for ${options.seconds} s…`);
    const deadline = Date.now() + options.seconds * 1000;
    const ledger: LedgerEntry[] = [];
    const editorTally = newTally();
    const stopBusyCores = startBusyCores(options.busyCores);
    const [readers, ...editorResults] = await Promise.all([
      runReaders(server.baseUrl, options.readers, options.seconds),
      ...emails.map((email, index) =>
        runEditor(server.baseUrl, actions, { index: index + 1, email, authorId: authors[index % authors.length]!.id, topicId: topics[index % topics.length]!.id }, deadline, ledger, editorTally),
      ),
    ]).finally(stopBusyCores);
    const editors = editorResults as EditorOutcome[];
    const verdict = await verifyLedger(prisma, ledger);

    const readerRequests = readers.requests;
    const readerErrors = readers.errors;
    const reader5xx = Object.entries(readers.statuses).reduce((sum, [code, requests]) => sum + (code.startsWith('5') ? requests : 0), 0);
    const visible = editors.flatMap((editor) => editor.publishToVisibleMs);
    const maxVisible = visible.length ? Math.max(...visible) : NaN;
    const refused = editors.flatMap((editor) => editor.savesRefused);
    const invisible = editors.flatMap((editor) => editor.invisible);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const saveMs = editors.flatMap((editor) => editor.saveMs);
    const saves = editors.reduce((sum, editor) => sum + editor.savesAcknowledged, 0);
    const publishes = editors.reduce((sum, editor) => sum + editor.publishes, 0);

    log('');
    log(`requests served:        ${readerRequests + editorTally.requests} (readers ${readerRequests}, ${Math.round(readerRequests / options.seconds)} req/s; editors and publish checks ${editorTally.requests})`);
    log(`errors:                 ${reader5xx + editorTally.serverErrors} 5xx, ${readerErrors + editorTally.errors} failed requests (readers' statuses: ${JSON.stringify(readers.statuses)})`);
    log(`saves acknowledged:     ${saves} (${verdict.verified} found as their own revision, ${verdict.coalesced} folded into the next autosave's revision)`);
    log(`saves lost:             ${verdict.lost.length}`);
    log(`autosave round trip:    median ${median(saveMs).toFixed(0)} ms, max ${Math.max(...saveMs).toFixed(0)} ms`);
    log(`saves/publishes refused: ${refused.length}`);
    log(`publishes:              ${publishes}`);
    const onPage = editors.flatMap((editor) => editor.publishToPageMs);
    log(`publish to visible:     max ${maxVisible.toFixed(0)} ms, median ${median(visible).toFixed(0)} ms (from the acknowledgement to /feed.xml listing it)`);
    log(`publish to article page: max ${Math.max(...onPage).toFixed(0)} ms, median ${median(onPage).toFixed(0)} ms (for information: its first render after the publish, among the readers' renders)`);

    const failures = [
      reader5xx + editorTally.serverErrors > 0 && `${reader5xx + editorTally.serverErrors} answers were 5xx`,
      readerErrors + editorTally.errors > 0 && `${readerErrors + editorTally.errors} requests failed or timed out`,
      verdict.lost.length > 0 && `lost saves: ${verdict.lost.map((save) => save.marker).join(', ')}`,
      refused.length > 0 && `refused: ${refused.slice(0, 5).join('; ')}`,
      invisible.length > 0 && invisible.join('; '),
      publishes === 0 && 'nothing was published',
      !(maxVisible <= VISIBLE_WITHIN_MS) && `a publish took ${maxVisible.toFixed(0)} ms to reach readers (limit ${VISIBLE_WITHIN_MS} ms)`,
    ].filter(Boolean);
    log('');
    for (const failure of failures) log(`FAIL ${failure}`);
    if (failures.length > 0) keepServerLog(server.tempDir);
    log(failures.length === 0 ? 'PASS: no 5xx, no lost save, every publish visible within a second.' : `${failures.length} check(s) failed.`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
    await database.stop();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof OptionsError ? 2 : 1);
  },
);
