import { z } from 'zod';

// The only reader of process.env. Parsed lazily and in two parts so `next build` needs no database:
// the site settings have defaults, the server settings are required only when the database is used.

const siteSchema = z.object({
  SITE_URL: z.url('SITE_URL must be an absolute URL such as https://example.org').default('http://localhost:3000'),
  SITE_NAME: z.string().min(1).default('Dispatch'),
  SITE_TIME_ZONE: z.string().min(1).default('UTC'),
  SITE_LOCALE: z.string().min(2).default('en-GB'),
});

const serverSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set: start the app with `npm start`, which provides it.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  // `off` bypasses the public data cache: for benchmarks of uncached reads and for tests outside Next.
  PUBLIC_CACHE: z.enum(['on', 'off']).default('on'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
});

export type SiteEnv = z.infer<typeof siteSchema>;
export type ServerEnv = z.infer<typeof serverSchema>;

function parse<T extends z.ZodType>(schema: T): z.infer<T> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
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

export function getAuthSecret(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: start the app with `npm start`, which provides it.');
  return secret;
}
