// Command-line options of `npm run bench`.

export type BenchOptions = {
  /** Bench this already running server instead of starting one. */
  url: string | null;
  /** Seconds per autocannon run. */
  duration: number;
  /** Connection counts, each page is run once at each. */
  connections: number[];
  /** Serve without the micro-cache and the public data cache (MICRO_CACHE=off, PUBLIC_CACHE=off). */
  bypassCaches: boolean;
  /** Serve this DATA_DIR (the scale data set) instead of a fresh one with the demo content. */
  dataDir: string | null;
};

export const USAGE = 'Usage: npm run bench -- [--url http://host:port] [--duration SECONDS] [--connections 10,50] [--no-cache] [--data-dir DIR]';

function positiveInt(value: string | undefined, name: string): number {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number < 1) throw new Error(`${name} needs a positive whole number, got "${value ?? ''}".\n${USAGE}`);
  return number;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { url: null, duration: 10, connections: [10, 50], bypassCaches: false, dataDir: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--url') {
      const raw = value();
      if (!raw || !/^https?:\/\//.test(raw)) throw new Error(`--url needs an http(s):// URL.\n${USAGE}`);
      options.url = raw.replace(/\/+$/, '');
    } else if (flag === '--duration') {
      options.duration = positiveInt(value(), '--duration');
    } else if (flag === '--connections') {
      const raw = value() ?? '';
      options.connections = raw.split(',').map((part) => positiveInt(part.trim(), '--connections'));
    } else if (flag === '--data-dir') {
      const raw = value();
      if (!raw) throw new Error(`--data-dir needs a folder.\n${USAGE}`);
      options.dataDir = raw;
    } else if (flag === '--no-cache') {
      options.bypassCaches = true;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      throw new Error(`Unknown option "${argv[i]}".\n${USAGE}`);
    }
  }
  return options;
}
