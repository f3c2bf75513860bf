import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { test } from '@playwright/test';
import pg from 'pg';

// Direct access to the e2e database, for setting up and checking what a test cannot do through the browser.

/** A pool on E2E_DATABASE_URL, opened on first use and closed after the calling spec file's tests. */
export function e2eDatabaseForThisFile(): () => pg.Pool {
  let pool: pg.Pool | undefined;
  test.afterAll(async () => {
    await pool?.end();
    pool = undefined;
  });
  return () => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test -- --only e2e`.');
    pool ??= new pg.Pool({ connectionString: url, max: 2 });
    return pool;
  };
}

export type TestUser = { id: string; email: string; name: string; password: string };

export const strongPassword = () => `e2e-${crypto.randomBytes(12).toString('base64url')}`;

/** A user of one test alone (never a demo account), so its failed attempts and cleanup touch nobody else. */
export async function createTestUser(db: pg.Pool, role: 'ADMIN' | 'EDITOR' | 'FELLOW', prefix: string, label: string): Promise<TestUser> {
  const tag = crypto.randomBytes(5).toString('hex');
  const user = {
    id: `e2e${prefix}${tag}`,
    email: `e2e-${prefix}-${label}-${tag}@example.test`,
    name: `E2E ${prefix} ${label} ${tag}`,
    password: strongPassword(),
  };
  await db.query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`,
    [user.id, user.email, user.name, await hash(user.password), role],
  );
  return user;
}
