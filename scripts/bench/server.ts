// The benchmark's own production server, started the way users start it (`npm start` = tsx scripts/start.ts),
// with a fresh DATA_DIR (so the demo content is loaded), a free port and its own build folder, in its own process
// group so that stopping it reaches the launcher, the Next.js server and PostgreSQL alike.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../lib/free-port';
import { liveGroupMembers } from './proc';
import { restoreTsconfig, snapshotTsconfig } from '../lib/tsconfig-guard';

// BENCH_DIST_DIR: another build folder, so two benchmarks (or a benchmark and the load test) can run side by side.
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR ?? '.next-bench';
const READY_TIMEOUT_MS = 10 * 60_000; // the first run builds into .next-bench first
const STOP_GRACE_MS = 15_000;

export type BenchServer = {
  baseUrl: string;
  port: number;
  /** pid of the launcher, also its process group id. */
  pid: number;
  tempDir: string;
  /** The server's DATA_DIR: a fresh one under tempDir, or the one given (never deleted). */
  dataDir: string;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is gone
  }
}

/** Last resort on any exit of the benchmark (synchronous): nothing of ours keeps running, the temp dir goes. */
function killEverythingNow(pgid: number, tempDir: string, ownDataDir: string | null) {
  signalGroup(pgid, 'SIGKILL');
  const postgres = ownDataDir === null ? null : postmasterPid(ownDataDir);
  if (postgres !== null) process.kill(postgres, 'SIGQUIT');
  fs.rmSync(tempDir, { recursive: true, force: true });
}

async function waitForHealth(child: ChildProcess, baseUrl: string, tail: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it answered.\n${tail()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await sleep(500);
  }
  throw new Error(`GET /api/health did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last}).\n${tail()}`);
}

type ServerOptions = {
  bypassCaches?: boolean;
  /** Serve this DATA_DIR (e.g. the scale data set) instead of a fresh one with the demo content. */
  dataDir?: string | null;
};

export async function startServer(log: (line: string) => void, { bypassCaches = false, dataDir: givenDataDir = null }: ServerOptions = {}): Promise<BenchServer> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-'));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const dataDir = givenDataDir ? path.resolve(givenDataDir) : path.join(tempDir, 'data');
  // Only a PostgreSQL of our own fresh DATA_DIR is ours to stop.
  const ownDataDir = givenDataDir ? null : dataDir;
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tsconfig = snapshotTsconfig();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    ...(bypassCaches ? { MICRO_CACHE: 'off', PUBLIC_CACHE: 'off' } : {}),
  };
  delete env.DATABASE_URL; // always an embedded PostgreSQL: the demo content, or the given DATA_DIR's
  delete env.SITE_URL;

  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid!;
  const onExit = () => killEverythingNow(pgid, tempDir, ownDataDir);
  process.on('exit', onExit);

  // The server's output goes to a log in the temp dir; it is echoed until the server is ready.
  const logFile = fs.createWriteStream(path.join(tempDir, 'server.log'));
  const lines: string[] = [];
  let echo = true;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      logFile.write(chunk);
      for (const line of chunk.split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 40) lines.shift();
        if (echo) log(`  | ${line}`);
      }
    });
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    const running = () => liveGroupMembers(pgid).length > 0 || (ownDataDir !== null && postmasterPid(ownDataDir) !== null);
    while (Date.now() < deadline && running()) await sleep(200);
    if (running()) {
      log(`The server did not stop within ${STOP_GRACE_MS / 1000} s: SIGKILL`);
      onExit();
      await sleep(500);
    }
    logFile.end();
    fs.rmSync(tempDir, { recursive: true, force: true });
    process.off('exit', onExit);
    restoreTsconfig(tsconfig, BENCH_DIST_DIR, log);
  };

  try {
    await waitForHealth(child, baseUrl, () => `Last server output:\n${lines.join('\n')}`);
  } catch (error) {
    await stop();
    throw error;
  }
  echo = false;
  restoreTsconfig(tsconfig, BENCH_DIST_DIR, log);
  return { baseUrl, port, pid: pgid, tempDir, dataDir, stop };
}
