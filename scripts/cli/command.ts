import type { LaunchConfig } from '../lib/launch-config';

export type CommandContext = {
  config: LaunchConfig;
  args: string[];
  out: (line: string) => void;
};

export type Command = {
  /** Words that name the command, e.g. ['demo', 'load']. */
  name: string[];
  summary: string;
  usage: string;
  run(context: CommandContext): Promise<void>;
};

/** An operator mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
