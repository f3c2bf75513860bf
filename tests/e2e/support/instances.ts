import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../../scripts/lib/free-port';

// More production servers of the build under test (scripts/server.mjs, as `npm start` runs it), for specs that
// need several instances side by side. The test runner passes the build folder and the e2e database.

export type AppInstance = { url: string; /** Where the server's output goes. */ logFile: string; stop(): Promise<void> };

const HEALTH_TIMEOUT_MS = 60_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm test -- --only e2e\`.`);
  return value;
}

export async function startAppInstance(name: string, env: Record<string, string>): Promise<AppInstance> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  // Next to the run's traces, so a failure can be read after the runner removed its temp folder.
  const logDir = path.resolve(process.env.E2E_OUTPUT_DIR ?? 'test-results');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  fs.rmSync(logFile, { force: true });
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [path.resolve('scripts/server.mjs')], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NEXT_DIST_DIR: required('E2E_BUILD_DIR'),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: required('E2E_DATABASE_URL'),
      DATA_DIR: required('E2E_DATA_DIR'),
      NEXTAUTH_URL: url,
      SITE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUSTED_PROXY_HOPS: '1',
      DATABASE_READ_URL: undefined,
      ...env,
    },
  });
  fs.closeSync(out);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${logFile}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (healthy) return { url, logFile, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${name} did not answer /api/health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logFile}`);
}
