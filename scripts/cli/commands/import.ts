import fs from 'node:fs/promises';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { decodeLegacyFile, MAX_LEGACY_DOCUMENT_BYTES, parseLegacyDocument } from '../../../lib/content/legacy-document';
import { parsePositionals } from '../parse-options';

// The data layer is loaded only once DATABASE_URL names the database this command opened.
const loadImporter = () => Promise.all([import('../../../lib/data/legacy-import'), import('../../../lib/data/users')]);

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'No such file.',
  EACCES: 'Permission denied.',
  EISDIR: 'It is a folder, not a file.',
};

/** The file's text when it is a readable legacy document, otherwise why not. */
async function readDocument(file: string): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: FILE_ERRORS.EISDIR! };
    // Refused before reading, so a huge file is never loaded into memory.
    if (stat.size > MAX_LEGACY_DOCUMENT_BYTES) return { ok: false, reason: 'The document is larger than 1 MB.' };
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { ok: false, reason: FILE_ERRORS[code] ?? `Cannot read it (${code || String(error)}).` };
  }
  const decoded = decodeLegacyFile(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseLegacyDocument(decoded.text);
  return parsed.ok ? { ok: true, text: decoded.text } : parsed;
}

export const importCommand: Command = {
  name: ['import'],
  summary: 'Import legacy article documents as drafts, printing each draft; if any file cannot be read, nothing is imported',
  usage: 'import FILE...',
  async run({ config, args, out }) {
    const { positionals: files } = parsePositionals(args);
    if (files.length === 0) throw new UsageError('Name at least one FILE to import.');

    const documents = await Promise.all(files.map(async (file) => ({ file, read: await readDocument(file) })));
    const refused = documents.flatMap(({ file, read }) => (read.ok ? [] : [`  ${file}: ${read.reason}`]));
    if (refused.length > 0) throw new UsageError(['Nothing was imported; these files cannot be read:', ...refused].join('\n'));
    const readable = documents.flatMap(({ file, read }) => (read.ok ? [{ file, text: read.text }] : []));

    await withDatabase(config, async () => {
      const [{ importLegacyDocument }, { operatorViewer }] = await loadImporter();
      for (const { file, text } of readable) {
        const result = await importLegacyDocument(operatorViewer, text, null);
        if (!result.ok) throw new UsageError(`${file}: ${result.message}`);
        const newAuthors = result.createdAuthors.length > 0 ? `; new author profiles: ${result.createdAuthors.join(', ')}` : '';
        out(`Draft "${result.title}" (${result.id}): /editor/articles/${result.id}${newAuthors}`);
      }
    });
  },
};
