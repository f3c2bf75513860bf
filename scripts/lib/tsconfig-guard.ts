// `next build` with a custom distDir adds `<distDir>/types/**` entries to tsconfig.json (and reformats it). The
// build scripts (npm test, npm run bench) put the file back, but only when that is the sole change (someone may have edited it meanwhile).
import fs from 'node:fs';

const TSCONFIG = 'tsconfig.json';

export function snapshotTsconfig(): string | null {
  try {
    return fs.readFileSync(TSCONFIG, 'utf8');
  } catch {
    return null;
  }
}

export function restoreTsconfig(before: string | null, distDir: string, log: (line: string) => void): void {
  if (before === null) return;
  let after: string;
  try {
    after = fs.readFileSync(TSCONFIG, 'utf8');
  } catch {
    return;
  }
  if (after === before) return;
  try {
    const parsed = JSON.parse(after) as { include?: unknown[] };
    if (Array.isArray(parsed.include)) {
      parsed.include = parsed.include.filter((entry) => !(typeof entry === 'string' && entry.startsWith(`${distDir}/`)));
    }
    if (JSON.stringify(parsed) === JSON.stringify(JSON.parse(before))) {
      fs.writeFileSync(TSCONFIG, before);
      log(`Restored tsconfig.json (next build had added ${distDir}/types to it).`);
      return;
    }
  } catch {
    // not JSON: leave it alone
  }
  log(`tsconfig.json changed during the build in more ways than next build does; left as it is.`);
}
