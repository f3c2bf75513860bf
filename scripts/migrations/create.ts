import fs from 'node:fs/promises';
import path from 'node:path';
import { diffSchemaToSql, LOCKFILE_CONTENT, LOCKFILE_PATH, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from './engine';

const USAGE = 'usage: npm run db:migrate:create -- <name>   (e.g. add_article_subtitle)';

async function createMigration(rawName: string | undefined): Promise<void> {
  const name = toSnakeCase(rawName ?? '');
  if (!name) throw new Error(USAGE);

  const schema = await fs.readFile(SCHEMA_PATH, 'utf8');
  const snapshot = await readSnapshotOrNull();
  if (snapshot === null && (await hasMigrations())) {
    throw new Error(
      `${relative(SNAPSHOT_PATH)} is missing but migrations exist; restore it from version control ` +
        'instead of generating a migration from an empty database',
    );
  }

  const sql = await diffSchemaToSql(snapshot, schema);
  if (!sql) {
    console.log('No changes: schema.prisma matches the last migration, nothing written.');
    return;
  }

  const directory = path.join(MIGRATIONS_DIR, `${utcStamp(new Date())}_${name}`);
  await fs.mkdir(directory, { recursive: true });
  await ensureLockfile();
  await fs.writeFile(path.join(directory, 'migration.sql'), sql);
  // The snapshot is the schema the migrations now produce: the starting point of the next diff.
  await fs.writeFile(SNAPSHOT_PATH, schema);
  console.log(`Created ${relative(path.join(directory, 'migration.sql'))} and updated ${relative(SNAPSHOT_PATH)}.`);
}

/** "Add Article subtitle" and "addArticleSubtitle" both become "add_article_subtitle". */
function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** YYYYMMDDHHMMSS in UTC, the stamp Prisma gives migration folders. */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function readSnapshotOrNull(): Promise<string | null> {
  return fs.readFile(SNAPSHOT_PATH, 'utf8').catch(() => null);
}

async function hasMigrations(): Promise<boolean> {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isDirectory());
}

async function ensureLockfile(): Promise<void> {
  // Flag "wx" writes only when absent, so an existing lock file is never rewritten.
  await fs.writeFile(LOCKFILE_PATH, LOCKFILE_CONTENT, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

function relative(file: string): string {
  return path.relative(process.cwd(), file);
}

createMigration(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
