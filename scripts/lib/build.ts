import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCE_ROOTS = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma'];
const SOURCE_FILES = ['next.config.js', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'proxy.ts'];
const STAMP_FILE = 'dispatch-source-hash';

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((child) => !(child.isDirectory() && child.name === 'generated'))
    .flatMap((child) => listFiles(path.join(entry, child.name)));
}

/** A hash of everything that goes into `next build`, so a stale build is rebuilt and a fresh one reused. */
export function hashSources(): string {
  const hash = crypto.createHash('sha256');
  for (const file of [...SOURCE_ROOTS.flatMap(listFiles), ...SOURCE_FILES.filter((f) => fs.existsSync(f))].sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isBuildFresh(distDir: string): boolean {
  const stamp = path.join(distDir, STAMP_FILE);
  return fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hashSources();
}

/** Runs `next build` into distDir when the sources changed since the last build. */
export function ensureBuild(distDir: string, log: (line: string) => void): void {
  if (isBuildFresh(distDir)) return;
  log(`Building the app into ${distDir} (sources changed or no build yet)…`);
  const sourceHash = hashSources();
  const result = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('next build failed; see the output above.');
  fs.writeFileSync(path.join(distDir, STAMP_FILE), sourceHash);
}
