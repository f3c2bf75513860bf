import { beforeEach, describe, expect, it, vi } from 'vitest';

// cachedPublicRead against a stand-in for Next's data cache that, like Next's, dates an entry from when it is stored:
// a read that began before a publish and ends after the publish emptied the cache must not be kept.

const store = new Map<string, unknown>();

vi.mock('next/cache', () => ({
  unstable_cache:
    <Args extends unknown[], Result>(read: (...args: Args) => Promise<Result>, keyParts: string[]) =>
    async (...args: Args): Promise<Result> => {
      const key = JSON.stringify([keyParts, args]);
      if (store.has(key)) return store.get(key) as Result;
      const result = await read(...args);
      store.set(key, result);
      return result;
    },
}));
vi.mock('@/lib/env', () => ({ getEnv: () => ({ PUBLIC_CACHE: 'on' }) }));
vi.mock('@/lib/db', () => ({
  getDb: () => ({ article: { findMany: async () => [] } }),
  onReadReplica: <T>(read: () => Promise<T>) => read(),
}));

const { cachedPublicRead, notePublicChange } = await import('@/lib/data/public-cache');

/** What a publish does to the cache (lib/actions/public-freshness.ts): count the change, then expire everything. */
function publish() {
  notePublicChange();
  store.clear();
}

describe('cachedPublicRead', () => {
  beforeEach(() => store.clear());

  it('keeps a read, and serves it until a publish', async () => {
    let content = 'first';
    const read = vi.fn(async () => content);
    const cached = cachedPublicRead('plain', read, () => []);
    expect(await cached()).toBe('first');
    content = 'second';
    expect(await cached()).toBe('first');
    publish();
    expect(await cached()).toBe('second');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a read that was running when a publish came, so the next reader sees the publish', async () => {
    let content = 'before the publish';
    let finishRead: () => void = () => {};
    const slowRead = vi.fn(async () => {
      const seen = content;
      if (slowRead.mock.calls.length === 1) await new Promise<void>((resolve) => (finishRead = resolve));
      return seen;
    });
    const cached = cachedPublicRead('overlapped', slowRead, () => []);

    const during = cached();
    await vi.waitFor(() => expect(slowRead).toHaveBeenCalledTimes(1));
    content = 'after the publish';
    publish();
    finishRead();
    // The overlapping reader is answered from a fresh read.
    expect(await during).toBe('after the publish');
    expect(await cached()).toBe('after the publish');
    const readsSoFar = slowRead.mock.calls.length;
    expect(await cached()).toBe('after the publish');
    expect(slowRead).toHaveBeenCalledTimes(readsSoFar);
  });
});
