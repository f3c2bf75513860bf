import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './embedded-database';

export type LockOwner = { pid: number; url: string; startedAt: string };

export class AlreadyRunningError extends Error {
  constructor(readonly owner: LockOwner, dataDir: string) {
    super(`Dispatch is already running on ${dataDir} (pid ${owner.pid}, ${owner.url}). Stop it first, or use another DATA_DIR.`);
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** One `npm start` per DATA_DIR: an exclusive lock file naming the live owner; a dead owner's lock is taken over. */
export function acquireInstanceLock(dataDir: string, url: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const file = path.join(dataDir, 'dispatch.lock');
  const owner: LockOwner = { pid: process.pid, url, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
      return () => {
        if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(file);
      if (current && isProcessAlive(current.pid)) throw new AlreadyRunningError(current, dataDir);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
