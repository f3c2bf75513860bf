import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';

export type ScriptPrisma = PrismaClient;

/** A Prisma client for operator scripts (the app's own client lives in lib/db.ts). */
export function createScriptPrisma(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 4 }) });
}
