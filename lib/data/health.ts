import 'server-only';
import { getDb } from '@/lib/db';

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

/** Asks the database a trivial question, with a time limit, without caching. */
export async function checkDatabaseHealth(timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error && error.message === 'timed out' ? 'timed out' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
