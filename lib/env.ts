import { z } from 'zod';

// The only reader of process.env. Parsed lazily and in two parts so `next build` needs no database:
// the site settings have defaults, the server settings are required only when the database is used.

const siteSchema = z.object({
  SITE_URL: z.url('SITE_URL must be an absolute URL such as https://example.org').default('http://localhost:3000'),
  SITE_NAME: z.string().min(1).default('Dispatch'),
  SITE_TIME_ZONE: z.string().min(1).default('UTC'),
  SITE_LOCALE: z.string().min(2).default('en-GB'),
});

const MEDIA_S3_REQUIRED = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY'] as const;
const MEDIA_S3_VARIABLES = [...MEDIA_S3_REQUIRED, 'MEDIA_S3_REGION'] as const;

const serverFields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set: start the app with `npm start`, which provides it.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // A read replica for public reads (lib/db.ts); unset, every query goes to DATABASE_URL.
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must be a postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  // `off` bypasses the public data cache: for benchmarks of uncached reads and for tests outside Next.
  PUBLIC_CACHE: z.enum(['on', 'off']).default('on'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  // S3-compatible media storage (lib/media/s3-storage.ts); unset, uploads stay in DATA_DIR/media.
  MEDIA_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'MEDIA_S3_BUCKET must be a bucket name (lowercase letters, digits, dots, hyphens)').optional(),
  MEDIA_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'MEDIA_S3_ENDPOINT must be an http(s):// URL such as https://s3.example.org' }).optional(),
  MEDIA_S3_REGION: z.string().min(1).optional(),
  MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

function refuseHalfAnS3Configuration(env: Partial<Record<(typeof MEDIA_S3_VARIABLES)[number], string>>, context: z.RefinementCtx) {
  const given = MEDIA_S3_VARIABLES.filter((name) => env[name] !== undefined);
  const missing = MEDIA_S3_REQUIRED.filter((name) => env[name] === undefined);
  // Half a configuration would silently fall back to local files on some instances: refuse it instead.
  if (given.length > 0 && missing.length > 0) {
    context.addIssue({ code: 'custom', path: ['MEDIA_S3_*'], message: `S3 media storage needs all of ${MEDIA_S3_REQUIRED.join(', ')} (MEDIA_S3_REGION is optional); missing: ${missing.join(', ')}. Set them all, or none to keep DATA_DIR/media.` });
  }
}

const serverSchema = serverFields.superRefine(refuseHalfAnS3Configuration);
// What the launcher checks before it starts anything (scripts/start.ts): everything but the database address,
// which the embedded PostgreSQL provides once it runs.
const launchSchema = serverFields.omit({ DATABASE_URL: true }).superRefine(refuseHalfAnS3Configuration);

export type SiteEnv = z.infer<typeof siteSchema>;
export type ServerEnv = z.infer<typeof serverSchema>;

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined> = process.env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** Throws the same "Invalid environment" error the app would on its first request, before anything starts. */
export function assertServerEnvironment(env: Record<string, string | undefined> = process.env): void {
  parse(launchSchema, env);
}

let site: SiteEnv | undefined;
let server: ServerEnv | undefined;

export function getSiteEnv(): SiteEnv {
  site ??= parse(siteSchema);
  return site;
}

export function getEnv(): ServerEnv {
  server ??= parse(serverSchema);
  return server;
}

export type MediaS3Config = { bucket: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };

/** The S3 media storage settings, or null when they are not set (the schema refuses a partial set). */
export function getMediaS3Config(): MediaS3Config | null {
  const env = getEnv();
  if (!env.MEDIA_S3_BUCKET || !env.MEDIA_S3_ENDPOINT || !env.MEDIA_S3_ACCESS_KEY_ID || !env.MEDIA_S3_SECRET_ACCESS_KEY) return null;
  return {
    bucket: env.MEDIA_S3_BUCKET,
    endpoint: env.MEDIA_S3_ENDPOINT,
    region: env.MEDIA_S3_REGION ?? 'us-east-1',
    accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
  };
}

export function getAuthSecret(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: start the app with `npm start`, which provides it.');
  return secret;
}
