import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoArticles, demoAuthors, demoTopics } from '../../prisma/demo/content';
import { containsMarkup, hostileStrings, wfuzzInjections, wfuzzXssStrings } from '../support/hostile-inputs';
import { NAVIGATION } from './support/browser';

// Hostile strings in public addresses, over HTTP: never a 5xx, unknown addresses are 404, no payload comes back as
// markup. Every string goes into one address, taking the public parameters and route segments in turn (the search
// page gets all seven of its parameters at once), and every wfuzz payload goes into a URL raw, as a fuzzer sends it:
// the server renders about ten of these pages a second on two shared cores, so every string in every address
// would alone exceed the suite's time budget. Then wfuzz's XSS list in Chromium: no dialog fires and nothing is
// injected.

test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const strings = hostileStrings();
const article = demoArticles.find((candidate) => candidate.status === 'PUBLISHED')!.slug;
const author = demoAuthors[0]!.slug;
const topic = demoTopics[0]!.slug;

type Probe = { name: string; url: (value: string) => string; unknownIs404: boolean };

const query = (path: string, names: string[]) => (value: string) => `${path}?${new URLSearchParams(names.map((name) => [name, value]))}`;
const segment = (prefix: string, suffix = '') => (value: string) => `${prefix}/${encodeURIComponent(value)}${suffix}`;

const searchAndArticleProbes: Probe[] = [
  { name: 'search', url: query('/search', ['q', 'region', 'theme', 'author', 'from', 'to', 'page']), unknownIs404: false },
  { name: 'article', url: segment('/articles'), unknownIs404: true },
];

const rotatingProbes: Probe[] = [
  { name: 'article list filters', url: query('/articles', ['topic', 'author']), unknownIs404: false },
  { name: 'article list page', url: query('/articles', ['page', 'topic', 'author']), unknownIs404: false },
  { name: 'expert directory filters', url: query('/authors', ['region', 'theme']), unknownIs404: false },
  { name: 'author page', url: query(`/authors/${author}`, ['page']), unknownIs404: false },
  { name: 'topic page', url: query(`/topics/${topic}`, ['page']), unknownIs404: false },
  { name: 'sign-in callback', url: query('/login', ['callbackUrl', 'error', 'signedOut']), unknownIs404: false },
  { name: 'article with a query', url: query(`/articles/${article}`, ['utm_source']), unknownIs404: false },
  { name: 'article social image', url: segment('/articles', '/opengraph-image'), unknownIs404: true },
  { name: 'author', url: segment('/authors'), unknownIs404: true },
  { name: 'author feed', url: segment('/authors', '/feed.xml'), unknownIs404: true },
  { name: 'topic', url: segment('/topics'), unknownIs404: true },
  { name: 'topic feed', url: segment('/topics', '/feed.xml'), unknownIs404: true },
  { name: 'share preview', url: segment('/preview'), unknownIs404: true },
  { name: 'child sitemap', url: segment('/sitemaps'), unknownIs404: true },
  { name: 'media', url: segment('/media'), unknownIs404: true },
];

/** wfuzz's payloads are meant to go into a URL as they are (`%00`, `../`), percent signs and all. */
const rawProbes: Probe[] = [
  { name: 'raw search text', url: (value) => `/search?q=${value}`, unknownIs404: false },
  { name: 'raw article segment', url: (value) => `/articles/${value}`, unknownIs404: false },
];

type Finding = string;

/** The address still names the segment the payload was put in (the URL parser did not fold `..` or `.` away). */
function keepsItsSegment(url: string): boolean {
  return new URL(url, 'http://dispatch.test').pathname === url.split('?')[0];
}

async function probe(request: APIRequestContext, probeKind: Probe, value: string): Promise<Finding[]> {
  const url = probeKind.url(value);
  let response;
  try {
    response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
  } catch (error) {
    return [`${probeKind.name} ${JSON.stringify(url)}: no response (${(error as Error).message.split('\n')[0]})`];
  }
  const findings: Finding[] = [];
  const status = response.status();
  if (status >= 500) findings.push(`${probeKind.name} ${JSON.stringify(url)}: HTTP ${status}`);
  const unknown = value.trim() !== '' && keepsItsSegment(url);
  if (probeKind.unknownIs404 && unknown && status !== 404) findings.push(`${probeKind.name} ${JSON.stringify(url)}: HTTP ${status}, expected 404`);
  const type = response.headers()['content-type'] ?? '';
  if (containsMarkup(value) && /html|xml/.test(type)) {
    const body = await response.text();
    if (body.includes(value)) findings.push(`${probeKind.name} ${JSON.stringify(url)}: the payload is reflected unescaped`);
  }
  return findings;
}

type Job = () => Promise<Finding[]>;

/** Each value into one probe, taking the probes in turn, so each probe sees a different share of the list. */
const inTurn = (probes: Probe[], values: string[]) => (request: APIRequestContext): Job[] =>
  values.map((value, index) => () => probe(request, probes[index % probes.length]!, value));

/** Runs the jobs a few at a time: the server gets concurrent traffic without the test flooding two cores. */
async function sweep(jobs: Job[], concurrency = 4): Promise<{ findings: Finding[]; requests: number }> {
  const findings: Finding[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) findings.push(...(await jobs[next++]!()));
    }),
  );
  return { findings, requests: jobs.length };
}

test('the input lists are loaded in full', () => {
  expect(strings.length).toBeGreaterThan(900);
  expect(wfuzzInjections()).toHaveLength(737);
});

test('public parameters and route segments take the hostile strings without a 5xx, a non-404 unknown or a reflected payload', async ({ request }) => {
  test.setTimeout(300_000);
  const { findings, requests } = await sweep(inTurn([...searchAndArticleProbes, ...rotatingProbes], strings)(request));
  console.log(`hostile strings in public addresses: ${requests} requests, ${findings.length} findings`);
  expect(findings).toEqual([]);
});

test('wfuzz payloads inserted into URLs raw never cause a 5xx or a reflected payload', async ({ request }) => {
  test.setTimeout(300_000);
  const { findings, requests } = await sweep(inTurn(rawProbes, wfuzzInjections())(request));
  console.log(`raw wfuzz URLs: ${requests} requests, ${findings.length} findings`);
  expect(findings).toEqual([]);
});

/** What a reflected script-shaped payload would leave in the page; the app itself renders none of these. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'xss', 'vulnerable', 'base'].includes(tag)) found.push(tag);
      // Next's own inline scripts carry the page data (the payload as an escaped string among it).
      const text = element.textContent ?? '';
      if (tag === 'script' && !element.hasAttribute('src') && !/^\s*\(?self\.__next_f/.test(text) && element.getAttribute('type') !== 'application/ld+json' && /alert|XSS/i.test(text)) {
        found.push('script with alert');
      }
      if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh');
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`);
        if (/^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value) && ['href', 'src', 'action', 'formaction'].includes(attribute.name)) {
          found.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  });
}

const xssStrings = wfuzzXssStrings();
const browserPages: { name: string; url: (value: string) => string }[] = [
  { name: 'search results', url: query('/search', ['q']) },
  { name: 'unknown article', url: segment('/articles') },
  { name: 'article list', url: query('/articles', ['author']) },
];

for (const browserPage of browserPages) {
  test(`wfuzz XSS strings in the ${browserPage.name} address run no script in Chromium`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const findings: string[] = [];
    for (const value of xssStrings) {
      const url = browserPage.url(value);
      const response = await page.goto(url, { waitUntil: 'load', ...NAVIGATION });
      expect(response?.status(), url).toBeLessThan(500);
      const injected = await injectedElements(page);
      if (injected.length > 0) findings.push(`${url}: ${injected.join(', ')}`);
    }
    console.log(`${browserPage.name}: ${xssStrings.length} XSS addresses opened in Chromium`);
    expect(dialogs).toEqual([]);
    expect(findings).toEqual([]);
  });
}
