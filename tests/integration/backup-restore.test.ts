import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../prisma/demo/load';
import { acquireInstanceLock } from '../../scripts/lib/instance-lock';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';
import { useIsolatedDatabase } from '../support/test-database';

// `npm run cli -- backup` and `restore` as an operator runs them, against a real database: a backup taken,
// the data changed, the backup restored, and every row of every table is as it was, down to the search index.

let workDir: string;
let dataDir: string;
let databaseUrl: string;
let prisma: ScriptPrisma;

function cli(args: string[]) {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every row of every table, including those kept by triggers (search) and never exported (sessions, audit). */
async function everything(): Promise<Record<string, unknown>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const rows: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [{ content }] = await prisma.$queryRawUnsafe<[{ content: unknown }]>(
      `SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]') AS content FROM "${name.replaceAll('"', '""')}" t`,
    );
    rows[name] = content;
  }
  return rows;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-backup-'));
  dataDir = path.join(workDir, 'data');
  databaseUrl = await useIsolatedDatabase();
  prisma = createScriptPrisma(databaseUrl);
  await loadDemoContent(prisma, { mediaDir: path.join(dataDir, 'media') });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings back the data as it was when the backup was taken', async () => {
    const before = await everything();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['Article', 'Revision', 'User', '_prisma_migrations']));
    const file = path.join(workDir, 'before-changes.backup');
    const backup = cli(['backup', file]);
    expect(backup.stderr).not.toContain('Error');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backed up the database to ${file}`);

    const victim = await prisma.article.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { slug: 'asc' } });
    await prisma.article.delete({ where: { id: victim.id } });
    await prisma.author.updateMany({ data: { name: 'Renamed by mistake' } });
    await prisma.user.create({ data: { email: 'late@example.test', name: 'Late Arrival', role: 'EDITOR' } });
    expect(await everything()).not.toEqual(before);

    const refused = cli(['restore', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('run again with --force');

    const restored = cli(['restore', file, '--force']);
    expect(restored.stderr).not.toContain('Error');
    expect(restored.code).toBe(0);
    expect(await everything()).toEqual(before);
    expect(await prisma.article.findUnique({ where: { id: victim.id } })).not.toBeNull();
  }, 240_000);

  it('writes to DATA_DIR/backups by default, and refuses to restore while the app runs on that DATA_DIR', () => {
    const backup = cli(['backup']);
    expect(backup.code).toBe(0);
    const written = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^dispatch-\d{8}T\d{6}Z\.backup$/);

    const releaseLock = acquireInstanceLock(dataDir, 'http://127.0.0.1:3999');
    try {
      const refused = cli(['restore', path.join(dataDir, 'backups', written[0]!), '--force']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Dispatch is already running on ${dataDir}`);
    } finally {
      releaseLock();
    }
  }, 240_000);

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const before = await everything();
    const notABackup = path.join(workDir, 'notes.txt');
    fs.writeFileSync(notABackup, 'shopping list');
    const refused = cli(['restore', notABackup, '--force']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('neither a pg_dump custom-format file nor a Dispatch table dump');
    expect(await everything()).toEqual(before);
  }, 120_000);
});
