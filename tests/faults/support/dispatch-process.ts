import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// `npm start` as an operator runs it, in its own process group on its own port and DATA_DIR, so a test can
// crash it (SIGKILL to the group, embedded PostgreSQL included), stop it (SIGTERM) and start it again.

const ROOT = process.cwd();
const BUILD_DIR = process.env.TEST_BUILD_DIR ?? '.next-test';
const HEALTH_TIMEOUT_MS = 90_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function makeDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dispatch-faults-${label}-`));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach this folder.
  fs.chmodSync(dir, 0o755);
  return dir;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

type StartOptions = { dataDir: string; port: number; databaseUrl?: string };

export class DispatchProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly logFile: string,
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {}

  /** Runs `npm start` and resolves once /api/health answers 200. */
  static async start({ dataDir, port, databaseUrl }: StartOptions): Promise<DispatchProcess> {
    const url = `http://127.0.0.1:${port}`;
    const logFile = path.join(dataDir, `npm-start-${Date.now()}.log`);
    const out = fs.openSync(logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: url,
      NEXT_DIST_DIR: BUILD_DIR,
      // scripts/test-faults.ts made sure the build was fresh; sources edited since must not rebuild it mid-run.
      DISPATCH_REUSE_BUILD: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    delete env.DATABASE_URL;
    delete env.AUTH_SECRET;
    delete env.NEXTAUTH_SECRET;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const app = new DispatchProcess(child, url, logFile, exited);
    await app.waitUntilHealthy();
    return app;
  }

  get pid(): number {
    return this.child.pid!;
  }

  output(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    let running = true;
    void this.exited.then(() => (running = false));
    while (Date.now() < deadline && running) {
      const healthy = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) }).then((response) => response.ok, () => false);
      if (healthy) return;
      await sleep(200);
    }
    this.kill();
    throw new Error(`npm start did not become healthy on ${this.url}:\n${this.output().slice(-4000)}`);
  }

  /** What a process manager sends: SIGTERM to `npm start` alone. */
  terminate(): void {
    process.kill(this.pid, 'SIGTERM');
  }

  /** A crash: SIGKILL to the whole process group (npm, the launcher, Next, PostgreSQL), then wait until it is gone. */
  async crash(): Promise<void> {
    this.kill();
    for (let i = 0; i < 100 && groupAlive(this.pid); i++) await sleep(50);
    if (groupAlive(this.pid)) throw new Error(`process group ${this.pid} survived SIGKILL`);
  }

  /** Ends the run however it stands: SIGTERM, then SIGKILL to the group after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (!groupAlive(this.pid)) return;
    if (this.child.exitCode === null && this.child.signalCode === null) this.terminate();
    const stopped = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!stopped || groupAlive(this.pid)) await this.crash();
  }

  private kill(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
}

/** The embedded PostgreSQL that `npm start` runs under dataDir, as a URL (while it runs). */
export function embeddedDatabaseUrl(dataDir: string): string {
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const port = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/dispatch`;
}

// pg_control's DBState (src/include/catalog/pg_control.h), stored after the system identifier and two versions.
const CLUSTER_STATES = ['starting up', 'shut down', 'shut down in recovery', 'shutting down', 'in crash recovery', 'in archive recovery', 'in production'];
const STATE_OFFSET = 16;

/** What `pg_controldata` calls "Database cluster state" (its binary is not shipped): "shut down" after a clean stop. */
export function clusterState(clusterDir: string): string {
  const control = fs.readFileSync(path.join(clusterDir, 'global', 'pg_control'));
  return CLUSTER_STATES[control.readUInt32LE(STATE_OFFSET)] ?? 'unknown';
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Waits until some statement waits for a lock (the app's transaction is stuck behind the test's lock). */
export async function waitForBlockedStatement(client: pg.Client, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`);
    if (rows[0]!.waiting > 0) return;
    await sleep(50);
  }
  throw new Error('no statement waited for the lock');
}

export function removeDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
