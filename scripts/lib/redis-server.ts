import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { findFreePort } from './free-port';

// A throwaway Redis for tests: Debian's redis-server on a free loopback port, no persistence, its own temp folder.

export type RedisServerHandle = { url: string; process: ChildProcess; stop(): Promise<void> };

const READY_TIMEOUT_MS = 10_000;

export async function startRedisServer(binary = process.env.REDIS_SERVER_PATH ?? 'redis-server'): Promise<RedisServerHandle> {
  const port = await findFreePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-redis-'));
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`could not start ${binary}: ${error.message} (Debian: apt-get install redis-server)`)));
    child.once('exit', (code) => reject(new Error(`${binary} exited with code ${code} before answering`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([waitForPing(url), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  failed.catch(() => undefined);
  return { url, process: child, stop };
}

async function waitForPing(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.close();
      return;
    } catch {
      if (client.isOpen) client.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`redis-server did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}
