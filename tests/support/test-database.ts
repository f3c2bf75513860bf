import crypto from 'node:crypto';
import pg from 'pg';

/**
 * Gives the calling test file a database of its own, copied from the migrated, empty template at
 * DATABASE_URL (the test runner provides it), and points DATABASE_URL at the copy.
 */
export async function useIsolatedDatabase(): Promise<string> {
  const templateUrl = process.env.TEST_TEMPLATE_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!templateUrl) throw new Error('DATABASE_URL is not set: run integration tests through `npm test`.');
  process.env.TEST_TEMPLATE_DATABASE_URL = templateUrl;
  const template = new URL(templateUrl);
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: templateUrl.replace(template.pathname, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${admin.escapeIdentifier(template.pathname.slice(1))}`);
  } finally {
    await admin.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return url.toString();
}
