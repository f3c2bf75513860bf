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
