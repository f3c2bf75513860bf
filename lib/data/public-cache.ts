import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { getDb, onReadReplica } from '@/lib/db';
import { getEnv } from '@/lib/env';

// Public reads are cached and tagged; mutations invalidate exactly the tags they touch (see lib/data/tags.ts).
// Every cached read is also keyed by the "visibility epoch", which changes the moment a scheduled article's
// time comes, so no cached list outlives the next scheduled publication.

const UPCOMING_LOOKAHEAD = 50;

// Next dates a data cache entry from when it is stored, so a read that began before a publish and ended after the
// publish expired its tags would be kept as fresh: readers would miss the publish until the next one, or until the
// read's revalidate time (minutes). Every public change therefore counts up here first (notePublicChange, called by
// lib/actions/public-freshness.ts after the write commits), and a read during which the count changed is answered
// but not stored. Counted per process; with REDIS_URL the shared cache handler dates entries from the miss instead.
const PUBLIC_CHANGES = Symbol.for('dispatch.publicChanges');
const publicChanges = globalThis as { [PUBLIC_CHANGES]?: number };
const publicChangeCount = () => publicChanges[PUBLIC_CHANGES] ?? 0;

export function notePublicChange(): void {
  publicChanges[PUBLIC_CHANGES] = publicChangeCount() + 1;
}

// Next logs it when a background revalidation (time-based) is the read that overlapped: say what happened.
class ReadOverlappedPublicChange extends Error {
  constructor() {
    super('A publish came while this public read ran; it was answered and not stored.');
  }
}

/** unstable_cache(read), except that a read overlapping a public change is returned without being stored. */
function cacheUnlessOverlapped<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: { tags: string[]; revalidate: number },
): (...args: Args) => Promise<Result> {
  const cached = unstable_cache(async (...args: Args) => {
    const before = publicChangeCount();
    const result = await read(...args);
    if (publicChangeCount() !== before) throw new ReadOverlappedPublicChange();
    return result;
  }, keyParts, options);
  return async (...args: Args) => {
    try {
      return await cached(...args);
    } catch (error) {
      if (error instanceof ReadOverlappedPublicChange) return read(...args);
      throw error;
    }
  };
}

const getUpcomingPublicationTimes = cacheUnlessOverlapped(
  (): Promise<number[]> =>
    onReadReplica(async () => {
      const upcoming = await getDb().article.findMany({
        where: { status: { in: ['SCHEDULED', 'PUBLISHED'] }, publishedAt: { gt: new Date() } },
        orderBy: { publishedAt: 'asc' },
        take: UPCOMING_LOOKAHEAD,
        select: { publishedAt: true },
      });
      return upcoming.flatMap((article) => (article.publishedAt ? [article.publishedAt.getTime()] : []));
    }),
  ['upcoming-publication-times'],
  { tags: ['articles'], revalidate: 5 },
);

export async function getVisibilityEpoch(): Promise<string> {
  const times = await getUpcomingPublicationTimes();
  const now = Date.now();
  const passed = times.filter((time) => time <= now).length;
  return `${times[0] ?? 'none'}:${passed}`;
}

/**
 * Wraps a public read so it is cached under `key` + its arguments + the visibility epoch, with `tags`, and
 * runs on the read replica when DATABASE_READ_URL is set. Within one render it runs once per arguments (React's
 * cache): the layout, the page and its metadata often ask for the same topics or author, and with the data cache
 * bypassed (PUBLIC_CACHE=off) each would otherwise be a query of its own.
 */
export function cachedPublicRead<Args extends (string | number | null)[], Result>(
  key: string,
  read: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
  revalidateSeconds = 300,
): (...args: Args) => Promise<Result> {
  return cache(async (...args: Args) => {
    if (getEnv().PUBLIC_CACHE === 'off') return onReadReplica(() => read(...args));
    const epoch = await getVisibilityEpoch();
    const cached = cacheUnlessOverlapped((_epoch: string, ...inner: Args) => onReadReplica(() => read(...inner)), [key], {
      tags: ['public', ...tagsFor(...args)],
      revalidate: revalidateSeconds,
    });
    return cached(epoch, ...args);
  });
}
