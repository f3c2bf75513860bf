import fs from 'node:fs/promises';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION, exportSchema } from '../../lib/export-format';
import { importIntoEmptyDatabase, NotEmptyError } from '../../lib/portable-export';
import { createScriptPrisma } from '../../lib/prisma';
import { parsePositionals } from '../parse-options';

async function readExport(file: string) {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON; expected a file written by \`npm run cli -- export\`.`);
  }
  const envelope = json as { format?: unknown; formatVersion?: unknown } | null;
  if (envelope?.format !== EXPORT_FORMAT_NAME) throw new UsageError(`${file} is not a Dispatch export (no "format": "${EXPORT_FORMAT_NAME}").`);
  if (envelope.formatVersion !== EXPORT_FORMAT_VERSION) {
    throw new UsageError(`${file} has formatVersion ${String(envelope.formatVersion)}; this version of Dispatch reads formatVersion ${EXPORT_FORMAT_VERSION}.`);
  }
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError([`${file} does not match the export format; nothing was imported:`, ...problems].join('\n'));
  }
  return parsed.data;
}

export const importExportCommand: Command = {
  name: ['import-export'],
  summary: 'Restore a file written by `export` into an empty database, all or nothing',
  usage: 'import-export FILE',
  async run({ config, args, out }) {
    const { positionals } = parsePositionals(args);
    if (positionals.length !== 1) throw new UsageError('Name exactly one FILE written by `npm run cli -- export`.');
    const data = await readExport(positionals[0]!);

    await withDatabase(config, async (url) => {
      const prisma = createScriptPrisma(url);
      try {
        await importIntoEmptyDatabase(prisma, data);
      } catch (error) {
        if (error instanceof NotEmptyError) throw new UsageError(error.message);
        throw error;
      } finally {
        await prisma.$disconnect();
      }
      out(`Imported ${data.articles.length} articles, ${data.authors.length} authors, ${data.topics.length} topics, ${data.users.length} users and ${data.media.length} media references.`);
      if (!data.passwordHashesIncluded) out('The export held no password hashes: give each user a password with `npm run cli -- user set-password --email …`.');
    });
  },
};
