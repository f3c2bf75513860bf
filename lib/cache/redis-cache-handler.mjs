// Next's cache (`cacheHandler` in next.config.js: the data cache of unstable_cache and the ISR/full-route cache)
// kept in Redis when REDIS_URL is set, so every instance reads the same entries and a revalidateTag/updateTag/
// revalidatePath on one instance invalidates them on all. Implements Next's documented interface (get, set,
// revalidateTag, resetRequestCache). Loaded by Next at run time, outside the bundle: plain JavaScript.
//
// Redis layout under the key prefix:
//   entry:<cache key>  one serialized entry {lastModified, tags, value, cacheControl}, expiring after ENTRY_TTL
//   tag:<tag>          when the tag was last made stale / expired, kept as long as an entry could predate it
//   channel "invalidate"  a message per revalidation, so each instance also empties its micro-cache at once

import { createClient } from 'redis';

const ENTRY_TTL_SECONDS = 24 * 60 * 60;
const COMMAND_TIMEOUT_MS = 1000;
const DEFAULT_PREFIX = 'dispatch:';
// A render that took longer than this is not waited for when dating its entry (see `set`).
const RENDER_WINDOW_MS = 60_000;
// Misses whose render never stored anything (it failed) are forgotten past this many keys.
const MAX_RENDER_STARTS = 10_000;
const TAGS_HEADER = 'x-next-cache-tags';

/** Encodes the Buffers (rscData, route bodies) and Maps (segmentData) that JSON alone would lose. */
export function serializeEntry(entry) {
  return JSON.stringify(entry, function (key, value) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
    if (raw instanceof Map) return { $map: [...raw] };
    return value;
  });
}

export function deserializeEntry(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (value && typeof value === 'object' && Array.isArray(value.$map)) return new Map(value.$map);
    return value;
  });
}

/** The Redis address for log lines, without the password a URL may carry. */
function describe(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'REDIS_URL';
  }
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function entryTags(value, ctx) {
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/** The cache shared through Redis; one per process (see `sharedStore`), or one per simulated instance in tests. */
export function createRedisCacheStore({ url, prefix = DEFAULT_PREFIX, log = console }) {
  const client = createClient({ url, disableOfflineQueue: true, commandOptions: { timeout: COMMAND_TIMEOUT_MS } });
  let failing = false;
  client.on('error', (error) => {
    if (!failing) log.error(`Redis cache (${describe(url)}): ${error.message}; serving without the shared cache until it answers.`);
    failing = true;
  });
  client.on('ready', () => {
    failing = false;
  });
  // Requests wait for the first connection at most one command timeout; without Redis they render uncached.
  const connected = Promise.race([client.connect().catch(() => undefined), timeout(COMMAND_TIMEOUT_MS)]);
  // When this instance first missed or went stale on a key: the render that follows may have read data older
  // than a revalidation arriving while it ran, so its entry is dated from the miss, not from when it is stored.
  const renderStarts = new Map();

  async function run(command, fallback) {
    await connected;
    try {
      return await command();
    } catch (error) {
      if (!failing) log.error(`Redis cache: ${error.message}`);
      return fallback;
    }
  }

  function noteRenderStart(key) {
    if (renderStarts.size >= MAX_RENDER_STARTS) renderStarts.clear();
    if (!renderStarts.has(key)) renderStarts.set(key, Date.now());
  }

  async function tagStates(tags) {
    if (tags.length === 0) return [];
    const states = await client.mGet(tags.map((tag) => `${prefix}tag:${tag}`));
    return states.flatMap((state) => (state ? [JSON.parse(state)] : []));
  }

  async function get(key, ctx) {
    return run(async () => {
      const text = await client.get(`${prefix}entry:${key}`);
      if (!text) {
        noteRenderStart(key);
        return null;
      }
      const entry = deserializeEntry(text);
      const now = Date.now();
      const states = await tagStates([...new Set([...entry.tags, ...entryTags(entry.value, ctx)])]);
      if (states.some((state) => state.expired !== undefined && state.expired > entry.lastModified && state.expired <= now)) {
        noteRenderStart(key);
        return null;
      }
      const revalidateSeconds = entry.value?.kind === 'FETCH' ? entry.value.revalidate : entry.cacheControl?.revalidate;
      const stale = states.some((state) => state.stale !== undefined && state.stale > entry.lastModified);
      if (stale || (typeof revalidateSeconds === 'number' && now - entry.lastModified > revalidateSeconds * 1000)) noteRenderStart(key);
      // Next serves a stale entry once and renders it again in the background; the earliest time marks it stale.
      return { lastModified: stale ? 1 : entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    }, null);
  }

  async function set(key, value, ctx) {
    const startedAt = renderStarts.get(key);
    renderStarts.delete(key);
    const now = Date.now();
    const lastModified = startedAt !== undefined && now - startedAt < RENDER_WINDOW_MS ? startedAt : now;
    const entry = { lastModified, tags: entryTags(value, ctx), value, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl };
    await run(() => client.set(`${prefix}entry:${key}`, serializeEntry(entry), { expiration: { type: 'EX', value: ENTRY_TTL_SECONDS } }), undefined);
  }

  async function revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    const now = Date.now();
    // With durations (revalidateTag(tag, profile)): stale now, expired later. Without (updateTag, revalidatePath): expired now.
    const state = durations ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) } : { expired: now };
    await run(async () => {
      const multi = client.multi();
      for (const tag of list) multi.set(`${prefix}tag:${tag}`, JSON.stringify(state), { expiration: { type: 'EX', value: ENTRY_TTL_SECONDS * 2 } });
      await multi.exec();
      await client.publish(`${prefix}invalidate`, JSON.stringify(list));
    }, undefined);
  }

  async function close() {
    await connected;
    if (client.isReady) await client.close();
    else if (client.isOpen) client.destroy();
  }

  return { get, set, revalidateTag, close };
}

/**
 * Calls `onInvalidate` whenever any instance revalidates a tag; resolves once subscribed. Returns the unsubscriber.
 * The server uses it to empty its one-second micro-cache (scripts/micro-cache.mjs) when another instance publishes.
 */
export async function listenForInvalidations({ url, prefix = DEFAULT_PREFIX, log = console }, onInvalidate) {
  const subscriber = createClient({ url });
  let failing = false;
  subscriber.on('error', (error) => {
    if (!failing) log.error(`Redis invalidation channel (${describe(url)}): ${error.message}; retrying.`);
    failing = true;
  });
  subscriber.on('ready', () => {
    failing = false;
  });
  // The subscription waits in the client's queue and is renewed after each reconnection; a server that starts
  // while Redis is away still starts (its micro-cache entries then live out their one second).
  const connecting = subscriber.connect().catch(() => undefined);
  const subscribed = subscriber.subscribe(`${prefix}invalidate`, () => onInvalidate()).catch(() => undefined);
  await Promise.race([subscribed, timeout(COMMAND_TIMEOUT_MS)]);
  return async () => {
    await Promise.race([connecting, timeout(COMMAND_TIMEOUT_MS)]);
    if (subscriber.isReady) await subscriber.close();
    else if (subscriber.isOpen) subscriber.destroy();
  };
}

const STORE = Symbol.for('dispatch.redisCacheStore');

function sharedStore() {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('The Redis cache handler is configured but REDIS_URL is not set.');
  globalThis[STORE] ??= createRedisCacheStore({ url, prefix: process.env.REDIS_KEY_PREFIX || DEFAULT_PREFIX });
  return globalThis[STORE];
}

/** The class Next instantiates (per request); every instance in a process shares one Redis connection. */
export default class RedisCacheHandler {
  constructor() {
    this.store = sharedStore();
  }

  get(key, ctx) {
    return this.store.get(key, ctx);
  }

  set(key, value, ctx) {
    return this.store.set(key, value, ctx);
  }

  revalidateTag(tags, durations) {
    return this.store.revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
