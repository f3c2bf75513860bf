import path from 'node:path';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { backupDatabase } from '../../lib/database-backup';
import { parsePositionals } from '../parse-options';

/** DATA_DIR/backups/dispatch-20261128T030512Z.<ext>: sortable, one per second at most. */
function defaultBackupFile(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return path.join(dataDir, 'backups', `dispatch-${stamp}.backup`);
}

export const backupCommand: Command = {
  name: ['backup'],
  summary: 'Back up the whole database to FILE (default: DATA_DIR/backups/dispatch-<time>.backup); safe while the app runs',
  usage: 'backup [FILE]',
  async run({ config, args, out }) {
    const { positionals } = parsePositionals(args);
    if (positionals.length > 1) throw new UsageError('Name at most one FILE to write the backup to.');
    const file = positionals[0] ?? defaultBackupFile(config.dataDir);
    await withDatabase(config, async (url) => {
      const format = await backupDatabase(url, file);
      out(`Backed up the database to ${file} (${format === 'pg_dump' ? 'pg_dump custom format' : 'Dispatch table dump: no pg_dump of the server’s version is installed'}).`);
    });
  },
};
