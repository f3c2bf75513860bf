import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCacheStore, deserializeEntry, listenForInvalidations, serializeEntry } from '@/lib/cache/redis-cache-handler.mjs';
import { startRedisServer, type RedisServerHandle } from '../../scripts/lib/redis-server';

// Next's cache kept in a real redis-server, seen from two "instances" (two stores, two connections), as two
// production servers behind a load balancer would see it.

let redis: RedisServerHandle;
let instanceA: ReturnType<typeof createRedisCacheStore>;
let instanceB: ReturnType<typeof createRedisCacheStore>;
const quiet = { error: () => undefined };

beforeAll(async () => {
  redis = await startRedisServer();
  instanceA = createRedisCacheStore({ url: redis.url, log: quiet });
  instanceB = createRedisCacheStore({ url: redis.url, log: quiet });
});

afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await redis?.stop();
});

const fetchEntry = (data: string) => ({ kind: 'FETCH', data: { headers: {}, body: data, status: 200, url: '' }, revalidate: 300 });
const fetchGet = (tags: string[]) => ({ kind: 'FETCH', tags, softTags: ['_N_T_/layout'] });
const pageEntry = (html: string, tags: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('entries', () => {
  it('keep Buffers and Maps through serialization', () => {
    const entry = deserializeEntry(serializeEntry({ value: pageEntry('<p>hi</p>', 'a') })) as { value: ReturnType<typeof pageEntry> };
    expect(Buffer.isBuffer(entry.value.rscData)).toBe(true);
    expect(entry.value.rscData.toString()).toBe('rsc of <p>hi</p>');
    expect(entry.value.segmentData).toBeInstanceOf(Map);
    expect(entry.value.segmentData.get('/_tree')?.toString()).toBe('tree');
  });

  it('stored by one instance are read by the other, with their lifetime', async () => {
    await instanceA.set('/route-cache/APP_PAGE/abc/$/articles/one', pageEntry('<p>one</p>', '_N_T_/articles/[slug]/page'), {
      cacheControl: { revalidate: 1, expire: 31536000 },
    });
    const read = await instanceB.get('/route-cache/APP_PAGE/abc/$/articles/one', { kind: 'APP_PAGE' });
    const value = read?.value as ReturnType<typeof pageEntry>;
    expect(value.html).toBe('<p>one</p>');
    expect(value.rscData.toString()).toBe('rsc of <p>one</p>');
    expect(value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(read?.cacheControl).toEqual({ revalidate: 1, expire: 31536000 });
  });

  it('that no instance stored are a miss', async () => {
    expect(await instanceB.get('never-stored', fetchGet(['articles']))).toBeNull();
  });
});

describe('invalidation', () => {
  it('updateTag on one instance expires the data-cache entries of that tag on every instance', async () => {
    await instanceA.set('home-read', fetchEntry('old home'), { fetchCache: true, tags: ['public', 'articles'] });
    await instanceA.set('authors-read', fetchEntry('authors'), { fetchCache: true, tags: ['authors'] });
    expect((await instanceB.get('home-read', fetchGet(['public', 'articles'])))?.value).toMatchObject({ data: { body: 'old home' } });
    await sleep(2);

    await instanceA.revalidateTag(['public']);

    expect(await instanceB.get('home-read', fetchGet(['public', 'articles']))).toBeNull();
    expect(await instanceA.get('home-read', fetchGet(['public', 'articles']))).toBeNull();
    expect((await instanceB.get('authors-read', fetchGet(['authors'])))?.value).toMatchObject({ data: { body: 'authors' } });
  });

  it('revalidatePath expires rendered pages through the tags in their x-next-cache-tags header', async () => {
    const key = '/route-cache/APP_PAGE/abc/$/articles/two';
    await instanceB.set(key, pageEntry('<p>two</p>', '_N_T_/layout,_N_T_/articles/[slug]/page'), { cacheControl: { revalidate: 1 } });
    await sleep(2);

    await instanceA.revalidateTag('_N_T_/articles/[slug]/page');

    expect(await instanceB.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });

  it('an entry stored again after the invalidation is served', async () => {
    await instanceA.revalidateTag(['fresh-tag']);
    await sleep(2);
    await instanceB.get('fresh-read', fetchGet(['fresh-tag']));
    await instanceB.set('fresh-read', fetchEntry('new'), { fetchCache: true, tags: ['fresh-tag'] });
    expect((await instanceA.get('fresh-read', fetchGet(['fresh-tag'])))?.value).toMatchObject({ data: { body: 'new' } });
  });

  it('a render that began before an invalidation elsewhere is not kept as fresh', async () => {
    expect(await instanceB.get('racing-read', fetchGet(['race']))).toBeNull();
    await sleep(2);
    // While B renders from data read before the publish, A publishes.
    await instanceA.revalidateTag(['race']);
    await sleep(2);
    await instanceB.set('racing-read', fetchEntry('read before the publish'), { fetchCache: true, tags: ['race'] });

    expect(await instanceA.get('racing-read', fetchGet(['race']))).toBeNull();
  });

  it('revalidateTag with a cache profile marks entries stale (served once, rendered again) rather than gone', async () => {
    await instanceA.set('profile-read', fetchEntry('kept while refreshing'), { fetchCache: true, tags: ['profiled'] });
    await sleep(2);

    await instanceB.revalidateTag(['profiled'], { expire: 3600 });

    const read = await instanceA.get('profile-read', fetchGet(['profiled']));
    expect(read?.value).toMatchObject({ data: { body: 'kept while refreshing' } });
    expect(read?.lastModified).toBe(1);
  });

  it('is announced on the channel every instance listens to (for the micro-cache)', async () => {
    let heard = 0;
    const stop = await listenForInvalidations({ url: redis.url, log: quiet }, () => {
      heard += 1;
    });
    try {
      await instanceA.revalidateTag(['public']);
      const deadline = Date.now() + 2000;
      while (heard === 0 && Date.now() < deadline) await sleep(10);
      expect(heard).toBe(1);
    } finally {
      await stop();
    }
  });
});

describe('without Redis', () => {
  it('reads miss and writes are dropped, quickly and with a log line, so pages render uncached instead of failing', async () => {
    const errors: string[] = [];
    const unreachable = createRedisCacheStore({ url: 'redis://:hunter2-password@127.0.0.1:1', log: { error: (line: string) => errors.push(line) } });
    try {
      const started = Date.now();
      expect(await unreachable.get('home-read', fetchGet(['public']))).toBeNull();
      await unreachable.set('home-read', fetchEntry('x'), { fetchCache: true, tags: ['public'] });
      await unreachable.revalidateTag(['public']);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(errors.join('\n')).toMatch(/Redis cache/);
      expect(errors.join('\n'), 'the password in REDIS_URL stays out of the logs').not.toContain('hunter2');
    } finally {
      await unreachable.close();
    }
  });
});
