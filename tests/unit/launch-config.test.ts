import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLaunchConfig } from '@/scripts/lib/launch-config';
import { acquireInstanceLock, AlreadyRunningError, type LockOwner } from '@/scripts/lib/instance-lock';

// Next.js types NODE_ENV as always present in ProcessEnv; these tests pass only the variables they are about.
const read = (vars: Record<string, string>) => readLaunchConfig(vars as NodeJS.ProcessEnv);

describe('readLaunchConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = read({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATA_DIR).toBe('.data');
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_SECRET).toBeUndefined();
    expect(config.siteUrl).toBe('http://localhost:3000');
  });

  it('reads PORT as a number', () => {
    expect(read({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each(['0', '65536', '80.5', 'http', '-1'])('rejects PORT=%s with a message naming PORT', (port) => {
    expect(() => read({ PORT: port })).toThrowError(/^Invalid configuration:\n {2}PORT: /);
  });

  it('lists every invalid setting in one error', () => {
    let message = '';
    try {
      read({ PORT: 'x', DATABASE_URL: 'mysql://db/app', AUTH_SECRET: 'short' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT: ');
    expect(message).toContain('DATABASE_URL: DATABASE_URL must be a postgresql:// URL');
    expect(message).toContain('AUTH_SECRET: AUTH_SECRET must be at least 32 characters');
  });

  it('accepts postgres:// and postgresql:// database URLs', () => {
    expect(read({ DATABASE_URL: 'postgres://u:p@db:5432/x' }).DATABASE_URL).toBe('postgres://u:p@db:5432/x');
    expect(read({ DATABASE_URL: 'postgresql://db/x' }).DATABASE_URL).toBe('postgresql://db/x');
  });

  it('derives SITE_URL from the port, showing loopback and wildcard hosts as localhost', () => {
    expect(read({ PORT: '4100' }).siteUrl).toBe('http://localhost:4100');
    expect(read({ HOST: '0.0.0.0', PORT: '4100' }).siteUrl).toBe('http://localhost:4100');
    expect(read({ HOST: 'newsroom.internal', PORT: '8080' }).siteUrl).toBe('http://newsroom.internal:8080');
  });

  it('prefers an explicit SITE_URL, without its trailing slash', () => {
    expect(read({ SITE_URL: 'https://news.example.org/', PORT: '4100' }).siteUrl).toBe('https://news.example.org');
    expect(read({ SITE_URL: 'https://example.org/dispatch' }).siteUrl).toBe('https://example.org/dispatch');
  });

  it('rejects a SITE_URL that is not an absolute URL', () => {
    expect(() => read({ SITE_URL: 'news.example.org' })).toThrowError(/SITE_URL: SITE_URL must be an absolute URL/);
  });

  it('requires an explicit AUTH_SECRET with REDIS_URL, since instances sharing a cache must share it', () => {
    expect(() => read({ REDIS_URL: 'redis://cache:6379' })).toThrow(/AUTH_SECRET must be set, the same on every instance, when REDIS_URL is/);
    expect(read({ REDIS_URL: 'redis://cache:6379', AUTH_SECRET: 'x'.repeat(32) }).REDIS_URL).toBe('redis://cache:6379');
    expect(() => read({ REDIS_URL: 'http://cache:6379', AUTH_SECRET: 'x'.repeat(32) })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('resolves DATA_DIR to an absolute path', () => {
    expect(read({ DATA_DIR: 'some/where' }).dataDir).toBe(path.resolve('some/where'));
  });
});

describe('acquireInstanceLock', () => {
  let dataDir: string;
  let lockFile: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-lock-test-'));
    lockFile = path.join(dataDir, 'dispatch.lock');
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function readLock(): LockOwner {
    return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
  }

  /** The pid of a process that has already exited. */
  function deadPid(): number {
    const result = spawnSync(process.execPath, ['-e', '']);
    if (typeof result.pid !== 'number') throw new Error('could not start a short-lived process');
    return result.pid;
  }

  it('writes a lock naming this process and removes it on release', () => {
    const release = acquireInstanceLock(dataDir, 'http://localhost:3000');
    const owner = readLock();
    expect(owner.pid).toBe(process.pid);
    expect(owner.url).toBe('http://localhost:3000');
    expect(Number.isNaN(Date.parse(owner.startedAt))).toBe(false);

    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('creates the data folder when it does not exist yet', () => {
    const nested = path.join(dataDir, 'not', 'yet');
    const release = acquireInstanceLock(nested, 'http://localhost:3000');
    expect(fs.existsSync(path.join(nested, 'dispatch.lock'))).toBe(true);
    release();
  });

  it('refuses a second acquire while the owner is alive, naming the owner', () => {
    const release = acquireInstanceLock(dataDir, 'http://localhost:3000');
    let thrown: unknown;
    try {
      acquireInstanceLock(dataDir, 'http://localhost:3001');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AlreadyRunningError);
    const error = thrown as AlreadyRunningError;
    expect(error.owner.pid).toBe(process.pid);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain('http://localhost:3000');
    expect(error.message).toContain(dataDir);
    // The live owner's lock is left alone.
    expect(readLock().url).toBe('http://localhost:3000');
    release();
  });

  it('refuses when another live process holds the lock', () => {
    const other: LockOwner = { pid: process.ppid, url: 'http://localhost:9999', startedAt: new Date().toISOString() };
    fs.writeFileSync(lockFile, JSON.stringify(other));
    expect(() => acquireInstanceLock(dataDir, 'http://localhost:3000')).toThrowError(AlreadyRunningError);
    expect(readLock()).toEqual(other);
  });

  it('takes over the lock of a process that is no longer running', () => {
    const stale: LockOwner = { pid: deadPid(), url: 'http://localhost:3000', startedAt: '2020-01-01T00:00:00.000Z' };
    fs.writeFileSync(lockFile, JSON.stringify(stale));

    const release = acquireInstanceLock(dataDir, 'http://localhost:4000');
    expect(readLock().pid).toBe(process.pid);
    expect(readLock().url).toBe('http://localhost:4000');
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('takes over an unreadable lock file', () => {
    fs.writeFileSync(lockFile, 'not json');
    const release = acquireInstanceLock(dataDir, 'http://localhost:3000');
    expect(readLock().pid).toBe(process.pid);
    release();
  });

  it('does not remove a lock that another process took over since', () => {
    const release = acquireInstanceLock(dataDir, 'http://localhost:3000');
    const other: LockOwner = { pid: process.ppid, url: 'http://localhost:9999', startedAt: new Date().toISOString() };
    fs.writeFileSync(lockFile, JSON.stringify(other));
    release();
    expect(readLock()).toEqual(other);
  });
});
