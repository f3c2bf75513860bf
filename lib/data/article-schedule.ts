import 'server-only';
import { getDb } from '@/lib/db';

/**
 * Readers see a scheduled article by the clock alone (lib/data/visibility.ts); the newsroom catches its status
 * up when it next looks, so dashboards and the editor call a due article "Published". No cron involved.
 */
export async function catchUpScheduled(): Promise<void> {
  await getDb().$executeRaw`
    UPDATE "Article"
    SET status = 'PUBLISHED', "firstPublishedAt" = COALESCE("firstPublishedAt", "publishedAt")
    WHERE status = 'SCHEDULED' AND "publishedAt" <= now()`;
}
