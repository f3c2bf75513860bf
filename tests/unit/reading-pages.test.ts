import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isReadingRequest, stripFrameworkScriptsFrom, withoutFrameworkScripts } from '../../scripts/reading-pages.mjs';

// Reading pages leave the server without the framework's scripts (scripts/reading-pages.mjs), in front of a real
// HTTP handler that writes the way Next does: head, flushHeaders, chunks, optionally compressed.

const page = [
  '<!DOCTYPE html><html><head>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/app.js"/>',
  '<link rel="preload" as="font" href="/_next/static/media/serif.woff2" crossorigin=""/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><main><h1>Water and power</h1>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script src="/enhance.js" defer=""></script>',
  '</main><script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script></body></html>',
].join('');

describe('withoutFrameworkScripts', () => {
  it('drops the framework scripts, the RSC payload and script preloads, and keeps data, styles, fonts and the page\'s own script', () => {
    const stripped = withoutFrameworkScripts(page)!;
    expect(stripped).not.toContain('/_next/static/chunks/main.js');
    expect(stripped).not.toContain('polyfills.js');
    expect(stripped).not.toContain('webpack.js');
    expect(stripped).not.toContain('app.js');
    expect(stripped).not.toContain('__next_f');
    expect(stripped).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(stripped).toContain('<script src="/enhance.js" defer=""></script>');
    expect(stripped).toContain('href="/_next/static/chunks/site.css"');
    expect(stripped).toContain('href="/_next/static/media/serif.woff2"');
    expect(stripped).toContain('<h1>Water and power</h1>');
  });

  it('leaves a page alone when scripts put its content in place: streamed boundaries, Next\'s error shell', () => {
    expect(withoutFrameworkScripts(`${page}<div hidden id="S:0"><p>late</p></div>`)).toBeNull();
    expect(withoutFrameworkScripts(page.replace('<html>', '<html id="__next_error__">'))).toBeNull();
  });
});

describe('isReadingRequest', () => {
  const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as http.IncomingMessage;

  it('covers every page but the newsroom\'s, the sign-in flow\'s, Next\'s files and client navigations', () => {
    for (const url of ['/', '/articles', '/articles/water?utm=x', '/authors/ana-lee', '/topics/central-asia', '/search?q=x', '/preview/abc', '/no-such-page', '/editorial-policy']) {
      expect(isReadingRequest(request(url)), url).toBe(true);
    }
    for (const url of ['/editor', '/editor/articles/1', '/login?callbackUrl=%2F', '/profile', '/setup', '/invite/x', '/reset/x', '/logout', '/_next/static/chunks/a.js', '/articles/x?_rsc=1']) {
      expect(isReadingRequest(request(url)), url).toBe(false);
    }
    expect(isReadingRequest(request('/articles', { rsc: '1' }))).toBe(false);
    expect(isReadingRequest(request('/articles', {}, 'POST'))).toBe(false);
  });
});

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  server = http.createServer((request, response) => {
    stripFrameworkScriptsFrom(request, response);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Writes like Next's pipeToNodeResponse: the head, flushHeaders, then the body in pieces. */
function streamed(body: Buffer, headers: Record<string, string>) {
  return (_request: http.IncomingMessage, response: http.ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.writeHead(200);
    response.flushHeaders();
    const middle = Math.floor(body.length / 2);
    response.write(body.subarray(0, middle));
    setTimeout(() => response.end(body.subarray(middle)), 10);
  };
}

describe('stripFrameworkScriptsFrom', () => {
  it('sends a reading page without the framework scripts, with its new length', async () => {
    const base = await serve(streamed(Buffer.from(page), { 'content-type': 'text/html; charset=utf-8' }));
    const response = await fetch(`${base}/articles/water`, { headers: { 'accept-encoding': 'identity' } });
    const text = await response.text();
    expect(text).toBe(withoutFrameworkScripts(page));
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  });

  it('passes a compressed page through as it came', async () => {
    const base = await serve(streamed(zlib.gzipSync(Buffer.from(page)), { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }));
    const response = await fetch(`${base}/`);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(page);
  });

  it("answers Next's 404 error shell with the site's not-found page, and keeps the shell when there is none", async () => {
    const shell = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script src="/_next/static/chunks/main.js"></script></body></html>';
    const notFound = '<!DOCTYPE html><html lang="en"><body><main><h1>Page not found</h1></main></body></html>';
    for (const [notFoundPage, expected] of [[async () => notFound, notFound], [async () => null, shell], [async () => Promise.reject(new Error('down')), shell]] as const) {
      server = http.createServer((request, response) => {
        stripFrameworkScriptsFrom(request, response, { notFoundPage });
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.writeHead(404);
        response.end(shell);
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/articles/no-such-article`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).toBe(expected);
      // A page that was replaced says its new length; the shell goes out as Next wrote it.
      expect(response.headers.get('content-length')).toBe(expected === notFound ? String(Buffer.byteLength(notFound)) : null);
      server.close();
    }
  });

  it('writes a non-HTML head at once when a wrapper outside writes it implicitly (as compression does)', async () => {
    const script = 'console.log("enhance");'.repeat(100);
    server = http.createServer((request, response) => {
      // An outer wrapper installed first, writing the head itself on the first write, like the compression middleware.
      const outerWrite = response.write;
      response.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
        if (!this.headersSent) this.writeHead(this.statusCode);
        return (outerWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof response.write;
      stripFrameworkScriptsFrom(request, response);
      response.setHeader('content-type', 'text/javascript');
      response.write(script.slice(0, 100));
      response.end(script.slice(100));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/enhance.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(await response.text()).toBe(script);
  });

  it('passes anything but HTML, and every page outside the reading paths, through untouched', async () => {
    const json = JSON.stringify({ script: '<script src="/_next/x.js"></script>' });
    let base = await serve(streamed(Buffer.from(json), { 'content-type': 'application/json' }));
    expect(await (await fetch(`${base}/search?q=x`)).text()).toBe(json);
    server!.close();
    base = await serve(streamed(Buffer.from(page), { 'content-type': 'text/html' }));
    expect(await (await fetch(`${base}/editor`)).text()).toBe(page);
  });
});
