import { parseArgs } from 'node:util';
import { UsageError } from './command';

/** `--name value` options of a command; unknown options and missing required ones are usage errors. */
export function parseOptions<const Names extends string>(args: string[], names: Names[], required: Names[] = []): Record<Names, string | undefined> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options: Object.fromEntries(names.map((name) => [name, { type: 'string' }])), strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const name of required) {
    if (typeof values[name] !== 'string' || values[name] === '') throw new UsageError(`--${name} is required.`);
  }
  return values as Record<Names, string | undefined>;
}

/** The positional arguments (FILEs) of a command and which of its boolean `--flags` are set; anything else is a usage error. */
export function parsePositionals<const Flags extends string>(args: string[], flags: Flags[] = []): { positionals: string[]; flags: Record<Flags, boolean> } {
  try {
    const { positionals, values } = parseArgs({ args, options: Object.fromEntries(flags.map((name) => [name, { type: 'boolean' }])), strict: true, allowPositionals: true });
    return { positionals, flags: Object.fromEntries(flags.map((name) => [name, values[name] === true])) as Record<Flags, boolean> };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
