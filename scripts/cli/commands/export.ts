import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { exportDatabase } from '../../lib/portable-export';
import { createScriptPrisma } from '../../lib/prisma';
import { parsePositionals } from '../parse-options';

export const exportCommand: Command = {
  name: ['export'],
  summary: 'Write every article (with its history), author, topic, user, setting and media reference to one portable JSON file',
  usage: 'export FILE [--with-password-hashes]',
  async run({ config, args, out }) {
    const parsed = parsePositionals(args, ['with-password-hashes']);
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('Name exactly one FILE to write the export to.');
    const withPasswordHashes = parsed.flags['with-password-hashes'];

    await withDatabase(config, async (url) => {
      const prisma = createScriptPrisma(url);
      try {
        const data = await exportDatabase(prisma, { withPasswordHashes });
        // Written beside the target and renamed, so a failed export never leaves half a file under its name.
        const partial = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.partial`);
        await fs.writeFile(partial, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
        await fs.rename(partial, file);
        out(`Exported ${data.articles.length} articles, ${data.authors.length} authors, ${data.topics.length} topics, ${data.users.length} users and ${data.media.length} media references to ${file}`);
        if (!withPasswordHashes) out('Password hashes are not included: after an import, users set a new password (npm run cli -- user set-password).');
      } finally {
        await prisma.$disconnect();
      }
    });
  },
};
