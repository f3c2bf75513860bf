import fs from 'node:fs';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { restoreDatabase } from '../../lib/database-backup';
import { acquireInstanceLock, AlreadyRunningError } from '../../lib/instance-lock';
import { isDatabaseEmpty } from '../../lib/prepare-database';
import { parsePositionals } from '../parse-options';

export const restoreCommand: Command = {
  name: ['restore'],
  summary: 'Replace the database with a backup made by `backup`; the app must be stopped, and --force replaces existing content',
  usage: 'restore FILE [--force]',
  async run({ config, args, out }) {
    const parsed = parsePositionals(args, ['force']);
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('Name exactly one backup FILE to restore.');
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);

    // Holding the app's own lock keeps `npm start` from serving half-restored data, and refuses while it runs.
    let releaseLock: () => void;
    try {
      releaseLock = acquireInstanceLock(config.dataDir, 'restore');
    } catch (error) {
      if (error instanceof AlreadyRunningError) throw new UsageError(`${error.message} A restore replaces the data it is serving.`);
      throw error;
    }
    try {
      await withDatabase(config, async (url) => {
        if (!parsed.flags.force && !(await isDatabaseEmpty(url))) {
          throw new UsageError('The database holds content that the restore would replace; run again with --force to replace it.');
        }
        await restoreDatabase(url, file);
        out(`Restored the database from ${file}.`);
      });
    } finally {
      releaseLock();
    }
  },
};
