// How much JavaScript a page ships: every same-origin <script src> and every inline script of its HTML, each
// gzipped at level 9, summed. Data blocks such as JSON-LD (<script type="application/ld+json">) are not JavaScript
// and are left out.
import zlib from 'node:zlib';

export type JsWeight = {
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  externalScripts: number;
  externalGzipBytes: number;
  inlineScripts: number;
  inlineGzipBytes: number;
  totalGzipBytes: number;
  /** Part of the total in `nomodule` scripts (legacy polyfills), which modern browsers neither fetch nor run. */
  nomoduleGzipBytes: number;
  skipped: string[];
};

const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
const gzipSize = (body: string | Buffer) => zlib.gzipSync(body, { level: 9 }).length;

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : new RegExp(`(?:^|\\s)${name}(?:\\s|$)`, 'i').test(attributes) ? '' : null;
}

const decodeEntities = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

export async function measureJs(baseUrl: string, path: string): Promise<JsWeight> {
  const pageUrl = new URL(path, baseUrl);
  const response = await fetch(pageUrl);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  const html = await response.text();
  const weight: JsWeight = {
    path,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSize(html),
    externalScripts: 0,
    externalGzipBytes: 0,
    inlineScripts: 0,
    inlineGzipBytes: 0,
    totalGzipBytes: 0,
    nomoduleGzipBytes: 0,
    skipped: [],
  };
  const sources = new Map<string, boolean>(); // href → nomodule
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = (attribute(attributes, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const src = attribute(attributes, 'src');
    if (src === null) {
      if (body.trim() === '') continue;
      weight.inlineScripts++;
      weight.inlineGzipBytes += gzipSize(body);
      continue;
    }
    const url = new URL(decodeEntities(src), pageUrl);
    if (url.origin === pageUrl.origin) sources.set(url.href, attribute(attributes, 'nomodule') !== null);
    else weight.skipped.push(url.href);
  }
  for (const [src, nomodule] of sources) {
    const script = await fetch(src);
    if (!script.ok) throw new Error(`GET ${src} answered ${script.status}`);
    const size = gzipSize(Buffer.from(await script.arrayBuffer()));
    weight.externalScripts++;
    weight.externalGzipBytes += size;
    if (nomodule) weight.nomoduleGzipBytes += size;
  }
  weight.totalGzipBytes = weight.externalGzipBytes + weight.inlineGzipBytes;
  return weight;
}
