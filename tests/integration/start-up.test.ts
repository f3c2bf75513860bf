import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma } from '../../scripts/lib/prisma';
import { readLaunchConfig } from '../../scripts/lib/launch-config';
import { prepareDatabase } from '../../scripts/lib/prepare-database';

// What `npm start` does before it serves, on real databases.

let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-start-'));
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('refuses to start a second time on the same DATA_DIR, naming the running instance', () => {
    fs.writeFileSync(path.join(dataDir, 'dispatch.lock'), JSON.stringify({ pid: process.pid, url: 'http://localhost:3999', startedAt: new Date().toISOString() }));
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '3999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Dispatch is already running on ${dataDir} (pid ${process.pid}, http://localhost:3999)`);
    expect(fs.readdirSync(dataDir)).toEqual(['dispatch.lock']);
  }, 90_000);

  it('refuses half an S3 media configuration before starting anything, naming what is missing', () => {
    const freshDir = path.join(dataDir, 'half-s3');
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], {
      env: { ...process.env, DATA_DIR: freshDir, PORT: '3998', MEDIA_S3_BUCKET: 'dispatch-media', MEDIA_S3_ENDPOINT: 'https://s3.example.org' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid environment');
    expect(result.stderr).toContain('missing: MEDIA_S3_ACCESS_KEY_ID, MEDIA_S3_SECRET_ACCESS_KEY');
    expect(fs.existsSync(freshDir)).toBe(false);
  }, 90_000);

  it('migrates an external DATABASE_URL but seeds nothing unasked', async () => {
    const url = await useIsolatedDatabase();
    const config = readLaunchConfig({ DATABASE_URL: url, DATA_DIR: dataDir });
    const prepared = await prepareDatabase(config, () => {});
    try {
      expect(prepared).toMatchObject({ demoLoaded: false, handle: { embedded: false } });
      const prisma = createScriptPrisma(url);
      expect(await Promise.all([prisma.article.count(), prisma.user.count(), prisma.topic.count()])).toEqual([0, 0, 0]);
      await prisma.$disconnect();
    } finally {
      await prepared.handle.stop();
    }
  });
});

describe('database health', () => {
  it('reports an unreachable database instead of throwing', async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://nobody:nothing@127.0.0.1:1/none';
    try {
      const { checkDatabaseHealth } = await import('@/lib/data/health');
      expect(await checkDatabaseHealth(3000)).toEqual({ ok: false, error: 'unreachable' });
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });
});
