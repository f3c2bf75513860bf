import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMicroCache } from '../../scripts/micro-cache.mjs';

// The micro-cache in front of a real HTTP handler standing in for Next: what it keeps, for how long, for whom.

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(cacheControl: string, clock: { now: number }, extraHeaders: Record<string, string> = {}) {
  let calls = 0;
  const cache = createMicroCache({ now: () => clock.now });
  server = http.createServer((request, response) => {
    cache.handle(request, response, () => {
      calls += 1;
      response.setHeader('Cache-Control', cacheControl);
      for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
      response.write(`call ${calls} `);
      response.end(request.headers['accept-encoding'] ?? 'identity');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } });
    return { body: await response.text(), hit: response.headers.get('x-dispatch-cache') === 'HIT' };
  };
  return { get, calls: () => calls };
}

describe('micro-cache', () => {
  it('keeps a shared response for its s-maxage, then asks again', async () => {
    const clock = { now: 0 };
    const app = await serve('s-maxage=1, stale-while-revalidate=59', clock);
    expect(await app.get('/a')).toEqual({ body: 'call 1 identity', hit: false });
    expect(await app.get('/a')).toEqual({ body: 'call 1 identity', hit: true });
    clock.now = 1001;
    expect(await app.get('/a')).toEqual({ body: 'call 2 identity', hit: false });
    expect(app.calls()).toBe(2);
  });

  it('never keeps a page Next serves stale while it regenerates it after a publish', async () => {
    const app = await serve('s-maxage=1, stale-while-revalidate=59', { now: 0 }, { 'x-nextjs-cache': 'STALE' });
    await app.get('/a');
    expect(await app.get('/a')).toEqual({ body: 'call 2 identity', hit: false });
  });

  it('keeps one copy per URL and per varying header', async () => {
    const app = await serve('s-maxage=60', { now: 0 });
    await app.get('/a');
    expect((await app.get('/b')).hit).toBe(false);
    expect((await app.get('/a', { 'accept-encoding': 'gzip' })).body).toBe('call 3 gzip');
    expect((await app.get('/a', { rsc: '1' })).hit).toBe(false);
  });

  it('never keeps private responses, nor serves signed-in readers from the cache', async () => {
    const privateApp = await serve('private, no-cache, no-store, max-age=0', { now: 0 });
    await privateApp.get('/a');
    expect((await privateApp.get('/a')).hit).toBe(false);
    server!.close();
    const shared = await serve('s-maxage=60', { now: 0 });
    await shared.get('/a');
    expect((await shared.get('/a', { cookie: 'next-auth.session-token=abc' })).hit).toBe(false);
  });
});

describe('micro-cache and pages the app marks as shared', () => {
  it('keeps a page Next renders per request when the app marks it as the same for every reader', async () => {
    let calls = 0;
    const cache = createMicroCache({ now: () => 0 });
    server = http.createServer((request, response) => {
      cache.handle(request, response, () => {
        calls += 1;
        response.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
        response.setHeader('x-dispatch-shared-max-age', request.url === '/shared' ? '1' : '0');
        response.end(`call ${calls}`);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/shared`);
    expect(await (await fetch(`${base}/shared`)).text()).toBe('call 1');
    await fetch(`${base}/other`);
    expect(await (await fetch(`${base}/other`)).text()).toBe('call 3');
  });
});

describe('micro-cache cleared on publish', () => {
  it('forgets kept responses, and does not keep one that was being rendered when it was cleared', async () => {
    const cache = createMicroCache({ now: () => 0 });
    let calls = 0;
    let releaseSlow: () => void = () => {};
    server = http.createServer((request, response) => {
      cache.handle(request, response, () => {
        calls += 1;
        response.setHeader('Cache-Control', 's-maxage=60');
        response.write(`call ${calls}`);
        if (request.url === '/slow' && calls === 3) new Promise<void>((resolve) => (releaseSlow = resolve)).then(() => response.end());
        else response.end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string) => {
      const response = await fetch(base + path);
      return { body: await response.text(), hit: response.headers.get('x-dispatch-cache') === 'HIT' };
    };

    await get('/a');
    expect((await get('/a')).hit).toBe(true);
    cache.clear();
    expect(await get('/a')).toEqual({ body: 'call 2', hit: false });

    const slow = get('/slow');
    await expect.poll(() => calls).toBe(3);
    cache.clear();
    releaseSlow();
    expect(await slow).toEqual({ body: 'call 3', hit: false });
    expect(await get('/slow')).toEqual({ body: 'call 4', hit: false });
  });
});

describe('micro-cache collapsing concurrent requests', () => {
  /** An app whose first answer waits until `open()`; later ones answer at once. */
  async function gatedApp(cacheControl: string) {
    const cache = createMicroCache({ now: () => 0 });
    let calls = 0;
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    server = http.createServer((request, response) => {
      cache.handle(request, response, () => {
        calls += 1;
        const call = calls;
        response.setHeader('Cache-Control', cacheControl);
        if (call === 1) void gate.then(() => response.end(`call ${call}`));
        else response.end(`call ${call}`);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string) => (await fetch(base + path)).text();
    return { cache, get, open: () => open(), calls: () => calls };
  }

  it('renders an address once for readers who ask while it is being rendered', async () => {
    const app = await gatedApp('s-maxage=1');
    const answers = Promise.all(Array.from({ length: 5 }, () => app.get('/a')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.calls()).toBe(1);
    app.open();
    expect(await answers).toEqual(Array(5).fill('call 1'));
    expect(app.calls()).toBe(1);
  });

  it('sends each waiting reader on when the answer may not be shared', async () => {
    const app = await gatedApp('private, no-store');
    const answers = Promise.all(Array.from({ length: 3 }, () => app.get('/private')));
    await expect.poll(() => app.calls()).toBe(1);
    app.open();
    expect((await answers).sort()).toEqual(['call 1', 'call 2', 'call 3']);
  });

  it('after a publish, renders an address once more for the readers who ask from then on, not once per waiting reader', async () => {
    const app = await gatedApp('s-maxage=60');
    const waiting = Promise.all(Array.from({ length: 3 }, () => app.get('/home')));
    await expect.poll(() => app.calls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.cache.clear();
    // Readers asking after the publish get a render of their own, shared among them.
    const afterPublish = await Promise.all(Array.from({ length: 3 }, () => app.get('/home')));
    expect(afterPublish).toEqual(Array(3).fill('call 2'));
    expect(app.calls()).toBe(2);
    // Those who asked before it get the render they waited for, which is not kept.
    app.open();
    expect(await waiting).toEqual(Array(3).fill('call 1'));
    expect(await app.get('/home')).toBe('call 2');
    expect(app.calls()).toBe(2);
  });
});

describe('micro-cache while an expired page is rendered again', () => {
  it('gives other readers the expired copy, for at most a second past its expiry, instead of making them wait', async () => {
    const clock = { now: 0 };
    const cache = createMicroCache({ now: () => clock.now });
    let calls = 0;
    const gates: (() => void)[] = [];
    server = http.createServer((request, response) => {
      cache.handle(request, response, () => {
        calls += 1;
        const call = calls;
        response.setHeader('Cache-Control', 's-maxage=1');
        // Every answer after the first waits until the test lets it go.
        if (call === 1) response.end(`call ${call}`);
        else gates.push(() => response.end(`call ${call}`));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async () => {
      const response = await fetch(`${base}/a`);
      return { body: await response.text(), cache: response.headers.get('x-dispatch-cache') };
    };

    expect(await get()).toEqual({ body: 'call 1', cache: null });
    clock.now = 1_500;
    const refreshing = get();
    await expect.poll(() => gates.length).toBe(1);
    expect(await get()).toEqual({ body: 'call 1', cache: 'STALE' });
    gates.shift()!();
    expect(await refreshing).toEqual({ body: 'call 2', cache: null });
    expect(await get()).toEqual({ body: 'call 2', cache: 'HIT' });

    // Call 2 expired at 2,500: a second later its copy is too old to give out, and readers wait for the render.
    clock.now = 3_600;
    const first = get();
    await expect.poll(() => gates.length).toBe(1);
    const second = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gates.shift()!();
    expect(await Promise.all([first, second])).toEqual([{ body: 'call 3', cache: null }, { body: 'call 3', cache: 'HIT' }]);
    expect(calls).toBe(3);
  });

  it('never gives out a copy from before a publish', async () => {
    const clock = { now: 0 };
    const cache = createMicroCache({ now: () => clock.now });
    let calls = 0;
    let release: () => void = () => {};
    server = http.createServer((request, response) => {
      cache.handle(request, response, () => {
        calls += 1;
        const call = calls;
        response.setHeader('Cache-Control', 's-maxage=1');
        if (call === 2) release = () => response.end(`call ${call}`);
        else response.end(`call ${call}`);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const get = async () => (await fetch(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/a`)).text();
    expect(await get()).toBe('call 1');
    cache.clear();
    clock.now = 1_200;
    const rendering = get();
    await expect.poll(() => calls).toBe(2);
    // This reader waits for the new render: the copy from before the publish is gone.
    const waiting = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await Promise.all([rendering, waiting])).toEqual(['call 2', 'call 2']);
  });
});

