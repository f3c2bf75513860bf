import 'server-only';
import { getDb } from '@/lib/db';

// Sign-in throttling shared by every instance through PostgreSQL: per account and per client address,
// 10 failures within 15 minutes lock further attempts for 15 minutes.
export const THROTTLE_LIMIT = 10;
const WINDOW = '15 minutes';
const LOCK = '15 minutes';

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`account:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

export async function isThrottled(keys: string[]): Promise<boolean> {
  const locked = await getDb().loginThrottle.count({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  return locked > 0;
}

/** Counts one failure against each key; returns true when this failure locked one of them. */
export async function recordLoginFailure(keys: string[]): Promise<boolean> {
  let lockedNow = false;
  for (const key of keys) {
    const rows = await getDb().$queryRaw<{ failures: number; locked: boolean }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${WINDOW}::interval THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${WINDOW}::interval THEN now() ELSE "LoginThrottle"."windowStart" END
      RETURNING "failures", false AS "locked"`;
    if ((rows[0]?.failures ?? 0) >= THROTTLE_LIMIT) {
      const updated = await getDb().$executeRaw`
        UPDATE "LoginThrottle" SET "lockedUntil" = now() + ${LOCK}::interval
        WHERE "key" = ${key} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())`;
      lockedNow ||= updated > 0;
    }
  }
  return lockedNow;
}

export async function clearLoginFailures(key: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key } });
}
