import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffSchemaToSql, SCHEMA_PATH, SNAPSHOT_PATH } from './engine';

const UP_TO_DATE = 'migrations are up to date';
const UNCAPTURED_CHANGES =
  'schema.prisma has changes that no migration captures: run npm run db:migrate:create -- <name>';

/** Fails when schema.prisma differs from the schema the migrations produce (their stored snapshot). */
export async function checkMigrations(): Promise<{ ok: boolean; message: string }> {
  const snapshot = await fs.readFile(SNAPSHOT_PATH, 'utf8').catch(() => null);
  if (snapshot === null) {
    return {
      ok: false,
      message:
        `${path.relative(process.cwd(), SNAPSHOT_PATH)} is missing, so the migrations cannot be checked: ` +
        'restore it from version control, or with no migrations yet run npm run db:migrate:create -- init',
    };
  }
  const schema = await fs.readFile(SCHEMA_PATH, 'utf8');
  const uncapturedSql = await diffSchemaToSql(snapshot, schema);
  return uncapturedSql ? { ok: false, message: UNCAPTURED_CHANGES } : { ok: true, message: UP_TO_DATE };
}

async function runCheckCommand(): Promise<void> {
  const { ok, message } = await checkMigrations();
  (ok ? console.log : console.error)(message);
  process.exitCode = ok ? 0 : 1;
}

// Run as a command only when executed directly, not when the test runner imports checkMigrations.
if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  runCheckCommand().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
