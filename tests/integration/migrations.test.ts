import { describe, it, expect } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '../../scripts/migrations/engine';
import { checkMigrations } from '../../scripts/migrations/check';

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must point at a throwaway PostgreSQL database');
  return url;
}

async function withConnection<T>(connectionString: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A brand-new database next to DATABASE_URL's, since the shared one may already be migrated by the test runner. */
async function withEmptyDatabase(run: (connectionString: string) => Promise<void>): Promise<void> {
  const sharedUrl = requireDatabaseUrl();
  const name = `migrations_test_${process.pid}_${Date.now()}`;
  const emptyUrl = new URL(sharedUrl);
  emptyUrl.pathname = `/${name}`;
  await withConnection(sharedUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    await run(emptyUrl.toString());
  } finally {
    await withConnection(sharedUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

describe('applyMigrations', () => {
  it('applies each migration once when two processes start together', { timeout: 60_000 }, async () => {
    await withEmptyDatabase(async (databaseUrl) => {
      const [first, second] = await Promise.all([applyMigrations(databaseUrl), applyMigrations(databaseUrl)]);

      const appliedByEither = [...first, ...second];
      expect(appliedByEither.filter((name) => /^\d{14}_init$/.test(name))).toHaveLength(1);
      // The one that waited for the lock finds nothing left to apply.
      expect([first, second].filter((applied) => applied.length === 0)).toHaveLength(1);

      const { tables, history } = await withConnection(databaseUrl, async (client) => ({
        tables: (await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        )).rows.map((row) => row.table_name),
        history: (await client.query<{ migration_name: string; finished_at: Date | null }>(
          'SELECT migration_name, finished_at FROM _prisma_migrations',
        )).rows,
      }));
      expect(tables).toEqual(expect.arrayContaining(['Article', '_prisma_migrations']));
      expect(history.map((row) => row.migration_name).sort()).toEqual(appliedByEither.sort());
      expect(history.every((row) => row.finished_at !== null)).toBe(true);
    });
  });
});

describe('checkMigrations', () => {
  it('finds every schema.prisma change captured by a migration', { timeout: 60_000 }, async () => {
    await expect(checkMigrations()).resolves.toEqual({ ok: true, message: 'migrations are up to date' });
  });
});
