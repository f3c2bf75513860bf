import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { externalDatabase, openEmbeddedDatabase, type DatabaseHandle } from './embedded-database';

// What the launcher, the CLI and the test runner read from the environment (the app itself reads lib/env.ts).
const launchSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0, 'TRUSTED_PROXY_HOPS must be 0 or more').max(10).default(0),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL').optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  SITE_URL: z.url('SITE_URL must be an absolute URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL').optional(),
}).superRefine((config, context) => {
  // A shared cache means several instances, which must all sign sessions with one secret (docs/DEPLOYMENT.md).
  if (config.REDIS_URL && !config.AUTH_SECRET) {
    context.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET must be set, the same on every instance, when REDIS_URL is' });
  }
});

export type LaunchConfig = z.infer<typeof launchSchema> & { dataDir: string; siteUrl: string };

export function readLaunchConfig(env: Record<string, string | undefined> = process.env): LaunchConfig {
  const parsed = launchSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const config = parsed.data;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  return {
    ...config,
    dataDir: path.resolve(config.DATA_DIR),
    siteUrl: (config.SITE_URL ?? `http://${shownHost}:${config.PORT}`).replace(/\/$/, ''),
  };
}

export function openDatabase(config: LaunchConfig, log: (line: string) => void): Promise<DatabaseHandle> {
  return config.DATABASE_URL ? Promise.resolve(externalDatabase(config.DATABASE_URL)) : openEmbeddedDatabase(config.dataDir, log);
}

/** AUTH_SECRET from the environment, or one generated once and kept under DATA_DIR. */
export function resolveAuthSecret(config: LaunchConfig): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
  const file = path.join(config.dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
