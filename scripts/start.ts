import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import { demoAccounts } from '../prisma/demo/content';
import { assertServerEnvironment } from '../lib/env';
import { ensureBuild } from './lib/build';
import { loopbackOrigin } from './lib/loopback-address.mjs';
import { leaveStopSignalsToCaller } from './lib/embedded-database';
import { acquireInstanceLock, AlreadyRunningError } from './lib/instance-lock';
import { readLaunchConfig, resolveAuthSecret, type LaunchConfig } from './lib/launch-config';
import { prepareDatabase } from './lib/prepare-database';
import { createScriptPrisma } from './lib/prisma';

const log = (line: string) => console.log(`[dispatch] ${line}`);
const devMode = process.argv.includes('--dev');

/** The demo accounts that still exist with their demo password, to print at start. */
async function usableDemoAccounts(databaseUrl: string) {
  const prisma = createScriptPrisma(databaseUrl);
  try {
    const users = await prisma.user.findMany({
      where: { email: { in: demoAccounts.map((account) => account.email) }, disabled: false },
      select: { email: true, passwordHash: true },
    });
    const usable = await Promise.all(
      demoAccounts.map(async (account) => {
        const user = users.find((candidate) => candidate.email === account.email);
        return user?.passwordHash && (await verify(user.passwordHash, account.password)) ? account : null;
      }),
    );
    return usable.filter((account) => account !== null);
  } finally {
    await prisma.$disconnect();
  }
}

// Memory: V8 grows its young generation to 48 MB and its old one lazily, and glibc keeps an arena per thread; bounded,
// the server peaked at 258 MiB instead of 478 MiB under the benchmark's load (docs/PERFORMANCE.md). With the caches
// bypassed every feed request renders fifty bodies, and an old generation of 320 MB let the peak reach 425 MiB
// (353 MiB at 256 MB). A NODE_OPTIONS or MALLOC_ARENA_MAX of one's own wins.
const SERVER_HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];

function heapFlags(): string[] {
  const own = process.env.NODE_OPTIONS ?? '';
  return SERVER_HEAP_FLAGS.filter((flag) => !own.includes(flag.split('=')[0]!));
}

function startNext(config: LaunchConfig, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [...heapFlags(), path.resolve('scripts/server.mjs'), ...(devMode ? ['--dev'] : [])], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: resolveAuthSecret(config),
      NEXTAUTH_SECRET: resolveAuthSecret(config),
      NEXTAUTH_URL: config.siteUrl,
      SITE_URL: config.siteUrl,
      DATA_DIR: config.dataDir,
      PORT: String(config.PORT),
      HOST: config.HOST,
      TRUSTED_PROXY_HOPS: String(config.TRUSTED_PROXY_HOPS),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: devMode ? 'development' : 'production',
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    },
  });
}

/** Waits until the server answers its health check, so "Serving" is printed only once it really serves. */
async function waitUntilHealthy(host: string, port: number, exited: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600 && !exited(); attempt++) {
    const healthy = await fetch(`${loopbackOrigin(host, port)}/api/health`, { signal: AbortSignal.timeout(2000) }).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const config = readLaunchConfig();
  assertServerEnvironment();
  const releaseLock = acquireInstanceLock(config.dataDir, config.siteUrl);
  process.on('exit', releaseLock);

  const distDir = process.env.NEXT_DIST_DIR || '.next';
  // DISPATCH_REUSE_BUILD=1 serves an existing build as it is, even if the sources changed since: the fault tests
  // (npm run test:faults) check it once, then start many instances.
  const reuseBuild = process.env.DISPATCH_REUSE_BUILD === '1' && fs.existsSync(path.join(distDir, 'BUILD_ID'));
  if (!devMode && !reuseBuild) ensureBuild(distDir, log);
  const { handle } = await prepareDatabase(config, log);

  const server = startNext(config, handle.url);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await handle.stop();
    log('Stopped.');
    process.exit(code);
  };
  // PostgreSQL stops only after the server has drained, not at once on the signal: requests in flight finish.
  leaveStopSignalsToCaller();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  server.on('exit', (code) => void shutdown(code ?? 1));

  await waitUntilHealthy(config.HOST, config.PORT, () => server.exitCode !== null);
  log(`Serving ${config.siteUrl}`);
  log(handle.embedded ? `Embedded PostgreSQL under ${path.join(config.dataDir, 'postgres')}` : 'Using the PostgreSQL at DATABASE_URL');
  if (handle.embedded) {
    const accounts = await usableDemoAccounts(handle.url);
    if (accounts.length > 0) {
      log('Demo sign-in accounts:');
      for (const account of accounts) log(`  ${account.role.padEnd(6)} ${account.email}  /  ${account.password}`);
    }
  }
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(`[dispatch] ${error instanceof AlreadyRunningError ? error.message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
