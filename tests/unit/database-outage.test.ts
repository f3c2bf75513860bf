import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { answerOutagesWith503, isDatabaseReachable } from '../../scripts/database-outage.mjs';

// The production server's outage answer in front of a real HTTP handler standing in for Next: which responses
// it replaces with the 503 page, and that everything else reaches the client byte for byte.

let server: http.Server | undefined;
afterEach(() => server?.close());

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function serve(databaseUp: boolean, handler: Handler) {
  let probes = 0;
  server = http.createServer((request, response) => {
    response.setHeader('X-Request-Id', 'set-in-front-of-next');
    answerOutagesWith503(request, response, {
      probe: async () => {
        probes += 1;
        return databaseUp;
      },
      siteName: 'Dispatch <test>',
    });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, probes: () => probes };
}

const failingPage: Handler = (_request, response) => {
  response.statusCode = 500;
  response.setHeader('Content-Type', 'text/html');
  response.write('<p>Error: connect ECONNREFUSED</p>');
  response.end('<p>at stack</p>');
};

describe('answerOutagesWith503', () => {
  it('replaces a failed page with the 503 page and Retry-After while the database is down', async () => {
    const { base } = await serve(false, failingPage);
    const response = await fetch(`${base}/editor`);
    const html = await response.text();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toBe('set-in-front-of-next');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('Dispatch &#60;test&#62; is temporarily unavailable');
    expect(html).not.toContain('ECONNREFUSED');
  });

  it('passes a failed page on unchanged when the database answers: that is a bug, not an outage', async () => {
    const { base } = await serve(true, (_request, response) => {
      response.writeHead(500, { 'Content-Type': 'text/plain', 'X-Kept': 'yes' });
      response.write('first ');
      response.end('second');
    });
    const response = await fetch(`${base}/`);

    expect(response.status).toBe(500);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.text()).toBe('first second');
  });

  it('lets successful pages and every POST through without asking the database', async () => {
    const compressed = zlib.gzipSync('a compressed page');
    const { base, probes } = await serve(false, (request, response) => {
      if (request.method === 'POST') {
        response.statusCode = 500;
        response.end('action failed');
        return;
      }
      response.writeHead(200, { 'Content-Encoding': 'gzip' });
      response.end(compressed);
    });

    expect(await (await fetch(`${base}/`)).text()).toBe('a compressed page');
    const post = await fetch(`${base}/editor`, { method: 'POST' });
    expect([post.status, await post.text()]).toEqual([500, 'action failed']);
    expect(probes()).toBe(0);
  });
});

describe('isDatabaseReachable', () => {
  it('is false when nothing listens at the address', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await isDatabaseReachable(`postgresql://nobody:secret@127.0.0.1:${port}/dispatch`)).toBe(false);
  });
});
