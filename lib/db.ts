import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';

function createClient(connectionString: string, readOnly = false) {
  const env = getEnv();
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: env.DATABASE_POOL_SIZE,
      // The pool replaces broken connections by itself once PostgreSQL is back; this turns a database that does
      // not answer at all into an error (and a 503 page) instead of a request that waits forever.
      connectionTimeoutMillis: 5_000,
      // The replica's sessions refuse writes themselves, whatever the server: a misrouted write fails loudly.
      ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    // Under a burst of readers every pooled connection can be busy for a moment: a save waits for one as long as the
    // pool waits to open one (connectionTimeoutMillis), instead of Prisma's default 2 s, before it reports failure.
    transactionOptions: { maxWait: 5_000 },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { dispatchPrisma?: Client; dispatchReadPrisma?: Client };

// Set while a public read runs (lib/data/public-cache.ts): its queries may go to the read replica.
const publicReadScope = new AsyncLocalStorage<true>();

/** Runs `read` with its queries on DATABASE_READ_URL when one is configured; everything else stays on the primary. */
export function onReadReplica<T>(read: () => Promise<T>): Promise<T> {
  return publicReadScope.run(true, read);
}

export function getDb(): Client {
  const readUrl = getEnv().DATABASE_READ_URL;
  if (readUrl && publicReadScope.getStore()) {
    globalForPrisma.dispatchReadPrisma ??= createClient(readUrl, true);
    return globalForPrisma.dispatchReadPrisma;
  }
  globalForPrisma.dispatchPrisma ??= createClient(getEnv().DATABASE_URL);
  return globalForPrisma.dispatchPrisma;
}
