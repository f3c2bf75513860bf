/**
 * `npm run test:faults`: the fault-injection suite (tests/faults/, docs/RELIABILITY.md).
 *
 *   production build (TEST_BUILD_DIR, default .next-test, reused when fresh) → Playwright on tests/faults
 *
 * Each spec starts the servers it needs itself (`npm start` on a fresh DATA_DIR and port, sometimes with a
 * PostgreSQL of its own) and breaks them: database outage, kill -9, SIGTERM, a full disk. Exits non-zero when
 * the build or any test fails.
 *
 *   npm run test:faults -- --files crash,outage     only spec files whose path contains one of these words
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isBuildFresh } from './lib/build';
import { restoreTsconfig, snapshotTsconfig } from './lib/tsconfig-guard';

const ROOT = process.cwd();
const BUILD_DIR = process.env.TEST_BUILD_DIR ?? '.next-test';
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function parseFiles(argv: string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--files' ? argv[++i] : arg.startsWith('--files=') ? arg.slice('--files='.length) : null;
    if (value === null || value === undefined) throw new Error(`Unknown argument "${arg}". Usage: npm run test:faults -- [--files word[,word…]]`);
    files.push(...value.split(',').map((part) => part.trim()).filter(Boolean));
  }
  return files;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** The same build `npm test` makes and reuses: scripts/test.ts builds it in a child of its own. */
async function ensureTestBuild(): Promise<void> {
  if (isBuildFresh(BUILD_DIR)) {
    console.log(`Production build: ${BUILD_DIR} is up to date`);
    return;
  }
  const tsconfigBefore = snapshotTsconfig();
  let code: number;
  try {
    code = await run(bin('tsx'), ['scripts/test.ts', '--internal-build'], { ...process.env, TEST_BUILD_DIR: BUILD_DIR });
  } finally {
    restoreTsconfig(tsconfigBefore, BUILD_DIR, (line) => console.log(`  ${line}`));
  }
  if (code !== 0 || !fs.existsSync(path.join(BUILD_DIR, 'BUILD_ID'))) throw new Error(`next build into ${BUILD_DIR} failed; see the output above`);
}

async function main(): Promise<number> {
  const files = parseFiles(process.argv.slice(2));
  const started = Date.now();
  await ensureTestBuild();
  const args = ['test', '--config', 'tests/faults/playwright.config.ts', ...files];
  console.log(`$ playwright ${args.join(' ')}`);
  const code = await run(bin('playwright'), args, {
    ...process.env,
    TEST_BUILD_DIR: BUILD_DIR,
    FAULTS_OUTPUT_DIR: path.join(ROOT, 'test-results', `faults${BUILD_DIR.replace(/^\.+next-test/, '')}`),
  });
  console.log(`Fault tests ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
