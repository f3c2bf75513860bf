import { UsageError, type Command } from './cli/command';
import { backupCommand } from './cli/commands/backup';
import { dbStatusCommand } from './cli/commands/db-status';
import { demoBulkCommand } from './cli/commands/demo-bulk';
import { demoLoadCommand } from './cli/commands/demo-load';
import { exportCommand } from './cli/commands/export';
import { importCommand } from './cli/commands/import';
import { importExportCommand } from './cli/commands/import-export';
import { restoreCommand } from './cli/commands/restore';
import { userCreateCommand, userDisableCommand, userListCommand, userSetPasswordCommand } from './cli/commands/user';
import { readLaunchConfig } from './lib/launch-config';

const commands: Command[] = [demoLoadCommand, demoBulkCommand, dbStatusCommand, importCommand, userCreateCommand, userSetPasswordCommand, userDisableCommand, userListCommand, exportCommand, importExportCommand, backupCommand, restoreCommand];

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Uses the same database as `npm start` (DATA_DIR or DATABASE_URL), whether or not the app is running.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Run `npm run cli -- <command> --help` for a command.',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; args: string[] } | null {
  for (const command of commands) {
    if (command.name.every((word, index) => argv[index] === word)) return { command, args: argv.slice(command.name.length) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`Unknown command: ${argv.join(' ')}\n\n${helpText()}`);
    return 2;
  }
  if (found.args.includes('--help') || found.args.includes('-h')) {
    console.log(`Usage: npm run cli -- ${found.command.usage}\n\n${found.command.summary}`);
    return 0;
  }
  await found.command.run({ config: readLaunchConfig(), args: found.args, out: (line) => console.log(line) });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
