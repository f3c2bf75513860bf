import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';

function createClient() {
  const env = getEnv();
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { dispatchPrisma?: Client };

export function getDb(): Client {
  globalForPrisma.dispatchPrisma ??= createClient();
  return globalForPrisma.dispatchPrisma;
}
