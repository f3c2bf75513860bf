// Reading pages (home, articles, experts, topics, search, share previews, not found) are complete server-rendered HTML: they
// need none of the framework's JavaScript, which is ~140 KB gzipped before the first line of the app. Their HTML
// leaves the server without it (the React runtime, the page's RSC payload and the preloads of both), so a reader's
// browser downloads, parses and runs nothing; links are plain links. What little reading pages do with scripts
// lives in /enhance.js (public/enhance.js), which stays. The newsroom and sign-in pages keep everything.
import { signedInPathPrefixes } from '../lib/security-headers.js';

// Every page but the newsroom's and the sign-in flow's (and Next's own files): unknown addresses get the site's 404.
const NOT_READING_PATH = new RegExp(`^/(?:_next|${signedInPathPrefixes.join('|')})(?:/|$)`);
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
// Next's error shell: an empty body its client fills. Next answers notFound() in a dynamic page with one
// (vercel/next.js#62228), which a reader without JavaScript sees as a blank page.
const ERROR_SHELL = /<html[^>]*\sid="__next_error__"/;
// Pages whose content scripts put in place keep them: streamed Suspense boundaries, and the error shell.
const NEEDS_SCRIPTS = new RegExp(`<template id="B:|<div hidden id="S:|${ERROR_SHELL.source}`);

const attributeOf = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined) ?? null;

/** A GET for a reading page's HTML (not an RSC request of a client-side navigation). */
export function isReadingRequest(request) {
  if (request.method !== 'GET' || request.headers.rsc !== undefined) return false;
  const path = (request.url ?? '/').split('?')[0];
  return !NOT_READING_PATH.test(path) && !/(?:^|&)_rsc=/.test((request.url ?? '').split('?')[1] ?? '');
}

/** The page without the framework's scripts and script preloads; null when it cannot do without them. */
export function withoutFrameworkScripts(html) {
  if (NEEDS_SCRIPTS.test(html)) return null;
  return html
    .replace(SCRIPT, (tag, attributes) => {
      const type = (attributeOf(attributes, 'type') ?? '').toLowerCase();
      if (type !== '' && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') return tag;
      const src = attributeOf(attributes, 'src');
      return src !== null && !src.startsWith('/_next/') ? tag : '';
    })
    .replace(LINK, (tag) => {
      const href = attributeOf(tag, 'href') ?? '';
      const rel = (attributeOf(tag, 'rel') ?? '').toLowerCase();
      const scriptPreload = rel === 'modulepreload' || (rel === 'preload' && (attributeOf(tag, 'as') ?? '').toLowerCase() === 'script');
      return scriptPreload && href.startsWith('/_next/') ? '' : tag;
    });
}

/**
 * For a reading request, holds back the response's head and body until it ends, then sends the HTML without the
 * framework's scripts, with its new length. A 404 that is Next's error shell becomes `notFoundPage()`, the site's own
 * not-found page (its HTML, or null to keep the shell). Anything but uncompressed HTML passes through untouched:
 * scripts/server.mjs compresses after this.
 */
export function stripFrameworkScriptsFrom(request, response, { notFoundPage = async () => null } = {}) {
  if (!isReadingRequest(request)) return;
  const { writeHead, write, end, flushHeaders } = response;
  const chunks = [];
  let html = null;
  let headPending = false;

  const sendHead = () => {
    if (headPending) writeHead.call(response, response.statusCode);
    headPending = false;
  };
  const isHtml = () => {
    html ??= /^text\/html/i.test(String(response.getHeader('content-type') ?? ''));
    return html;
  };

  response.writeHead = function (statusCode, reason, headers) {
    const given = typeof reason === 'string' ? headers : reason;
    this.statusCode = statusCode;
    if (typeof reason === 'string') this.statusMessage = reason;
    if (Array.isArray(given)) for (let index = 0; index + 1 < given.length; index += 2) this.setHeader(given[index], given[index + 1]);
    else if (given) for (const [name, value] of Object.entries(given)) if (value !== undefined) this.setHeader(name, value);
    headPending = true;
    // Only an HTML page's head waits for its body; anything else is written at once, as asked.
    if (!isHtml()) sendHead();
    return this;
  };
  // Next flushes the head as its stream starts; an HTML page's head waits for its final length.
  response.flushHeaders = function () {
    if (isHtml()) return;
    sendHead();
    flushHeaders.call(this);
  };
  response.write = function (chunk, encoding, callback) {
    if (!isHtml()) {
      sendHead();
      return write.call(this, chunk, encoding, callback);
    }
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback;
    const data = typeof chunk === 'function' ? null : chunk;
    if (!isHtml()) {
      sendHead();
      return end.call(this, data, typeof encoding === 'function' ? undefined : encoding, done);
    }
    if (data) chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(data, typeof encoding === 'string' ? encoding : undefined));
    const body = Buffer.concat(chunks);
    const send = (out) => {
      if (response.getHeader('content-length') !== undefined || out !== body) response.setHeader('content-length', out.length);
      headPending = true;
      sendHead();
      end.call(response, out, done);
    };
    if (response.getHeader('content-encoding') !== undefined) {
      send(body);
      return this;
    }
    const page = body.toString('utf8');
    if (response.statusCode === 404 && ERROR_SHELL.test(page)) {
      notFoundPage().then((notFound) => send(notFound === null ? body : Buffer.from(notFound)), () => send(body));
      return this;
    }
    const stripped = withoutFrameworkScripts(page);
    send(stripped === null || stripped === page ? body : Buffer.from(stripped, 'utf8'));
    return this;
  };
}
